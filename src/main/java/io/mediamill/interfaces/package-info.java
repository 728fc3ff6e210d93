/** How the outside world reaches the service: REST resources, web pages and batch artifacts. */
package io.mediamill.interfaces;
