/** Live camera relays: which cameras should be relayed, from where, and how each relay is doing. */
package io.mediamill.domain.model.live;
