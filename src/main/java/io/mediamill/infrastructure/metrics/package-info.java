/** Prometheus metrics: this deployment's own registry, what the service counts, and its text exposition. */
package io.mediamill.infrastructure.metrics;
