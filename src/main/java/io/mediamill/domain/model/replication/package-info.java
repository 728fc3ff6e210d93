/** Keeping every node's media volume holding the same videos: the port the application pushes and pulls through. */
package io.mediamill.domain.model.replication;
