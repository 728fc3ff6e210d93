/** The service's configuration, read in one place from system properties and the environment. */
package io.mediamill.infrastructure.config;
