package io.mediamill.interfaces.security;

import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Believes {@code X-Forwarded-For/-Proto/-Host} only when the connection comes from a configured reverse proxy
 * ({@code MEDIAMILL_TRUSTED_PROXIES}: addresses or CIDR ranges); anyone else could write whatever they like there.
 */
@ApplicationScoped
public class ProxyTrust {

    private record Range(byte[] network, int prefix) {
    }

    private List<Range> trusted;

    protected ProxyTrust() {
        // for CDI proxies
    }

    @Inject
    public ProxyTrust(MediamillConfig config) {
        this(config.trustedProxies());
    }

    private ProxyTrust(List<String> specs) {
        this.trusted = specs.stream().map(ProxyTrust::range).toList();
    }

    /** From the setting's text: comma-separated addresses and CIDR ranges. */
    static ProxyTrust of(String commaSeparated) {
        return new ProxyTrust(Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
    }

    /** The client's address: the last address a trusted proxy saw, or the connection's own. */
    public String clientAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusts(request.getRemoteAddr())) {
            return request.getRemoteAddr();
        }
        String[] hops = forwarded.split(",");
        // Walk back from the nearest hop past our own proxies: the first untrusted one is the client.
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && (i == 0 || !trusts(hop))) {
                return hop;
            }
        }
        return request.getRemoteAddr();
    }

    /** The scheme the client used: X-Forwarded-Proto from a trusted proxy, else the connection's. */
    public String scheme(HttpServletRequest request) {
        return forwarded(request, "X-Forwarded-Proto").orElse(request.getScheme());
    }

    /** The host (and port) the client addressed. */
    public String host(HttpServletRequest request, String fallback) {
        return forwarded(request, "X-Forwarded-Host").orElse(fallback);
    }

    private Optional<String> forwarded(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank() || !trusts(request.getRemoteAddr())) {
            return Optional.empty();
        }
        return Optional.of(value.split(",")[0].strip());
    }

    public boolean trusts(String address) {
        if (trusted.isEmpty()) {
            return false;
        }
        byte[] bytes;
        try {
            // Only literal addresses are compared: never a name lookup on a header's say-so.
            if (!address.matches("[0-9a-fA-F:.]+")) {
                return false;
            }
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        return trusted.stream().anyMatch(range -> contains(range, bytes));
    }

    private static boolean contains(Range range, byte[] address) {
        if (range.network().length != address.length) {
            return false;
        }
        int bits = address.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .shiftRight(range.prefix()).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        return new BigInteger(1, range.network()).and(mask).equals(new BigInteger(1, address).and(mask));
    }

    private static Range range(String spec) {
        String[] parts = spec.split("/", 2);
        try {
            byte[] network = InetAddress.getByName(parts[0].strip()).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + spec);
            }
            return new Range(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("MEDIAMILL_TRUSTED_PROXIES: not an address or CIDR range: " + spec, e);
        }
    }
}
