/** The processing queue on db-scheduler: tasks, claims, heartbeats and retries in the shared database. */
package io.mediamill.infrastructure.queue;
