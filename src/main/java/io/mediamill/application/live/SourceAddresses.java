package io.mediamill.application.live;

import io.mediamill.domain.model.live.RefusedSourceException;
import io.mediamill.domain.model.live.StreamSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps relays off this machine and its link: a source or target whose host is, or resolves to, a loopback,
 * link-local (cloud metadata services live there) or wildcard address is refused unless private addresses are
 * allowed. Cameras on the site's own network (10/8, 192.168/16, ...) are what relays are for, and pass.
 */
public final class SourceAddresses {

    private final boolean allowPrivate;
    private final Function<String, List<InetAddress>> resolver;

    public SourceAddresses(boolean allowPrivate) {
        this(allowPrivate, SourceAddresses::resolve);
    }

    SourceAddresses(boolean allowPrivate, Function<String, List<InetAddress>> resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** @throws RefusedSourceException naming {@code field} when the host is unknown or private */
    public void check(String field, StreamSource address) {
        List<InetAddress> addresses = resolver.apply(address.host());
        if (addresses.isEmpty()) {
            throw new RefusedSourceException(field, field + ": host " + address.host() + " is not known");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress resolved : addresses) {
            if (resolved.isLoopbackAddress() || resolved.isLinkLocalAddress() || resolved.isAnyLocalAddress()) {
                throw new RefusedSourceException(field, field + ": host " + address.host() + " is a loopback, link-local "
                        + "or wildcard address (" + resolved.getHostAddress() + "); relays do not read from this machine "
                        + "or its link unless MEDIAMILL_LIVE_ALLOW_PRIVATE is set");
            }
        }
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
