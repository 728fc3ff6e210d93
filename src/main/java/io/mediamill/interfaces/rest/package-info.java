/** The JSON API under /api: videos and health, with errors as RFC 9457 problem details. */
package io.mediamill.interfaces.rest;
