/** Technical adapters: persistence, storage, external media tools and configuration. */
package io.mediamill.infrastructure;
