/** Keeping the nodes' media volumes in sync with rsync: peers, the commands, and a backlog that outlives restarts. */
package io.mediamill.infrastructure.sync;
