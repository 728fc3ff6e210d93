/** Secrets the nodes sharing one database agree on, such as the key of signed media URLs. */
package io.mediamill.domain.model.secret;
