/** The JSON API under /api: videos, users, jobs and health, with errors as RFC 9457 problem details. */
package io.mediamill.interfaces.rest;
