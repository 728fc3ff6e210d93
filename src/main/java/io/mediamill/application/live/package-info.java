/** Live camera relays as operators and viewers use them: starting and stopping relays within the limit, and their state. */
package io.mediamill.application.live;
