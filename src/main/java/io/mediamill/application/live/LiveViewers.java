package io.mediamill.application.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is watching which camera through this node: a viewer is whoever fetched the camera's playlist within the
 * last {@link #WATCHING} (players fetch it every segment). Counted per node, in memory: a viewer whose requests
 * a balancer sends to another node is counted there.
 */
@ApplicationScoped
public class LiveViewers {

    static final Duration WATCHING = Duration.ofSeconds(10);

    private final Map<String, Map<String, Instant>> lastSeen = new ConcurrentHashMap<>();

    /** {@code viewer} (a session, or a user at an address) fetched the playlist of {@code cameraId}. */
    public void seen(String cameraId, String viewer, Instant now) {
        Map<String, Instant> viewers = lastSeen.computeIfAbsent(cameraId, id -> new ConcurrentHashMap<>());
        viewers.put(viewer, now);
        viewers.values().removeIf(seen -> seen.isBefore(now.minus(WATCHING)));
    }

    public int count(String cameraId, Instant now) {
        Map<String, Instant> viewers = lastSeen.getOrDefault(cameraId, Map.of());
        return (int) viewers.values().stream().filter(seen -> !seen.isBefore(now.minus(WATCHING))).count();
    }
}
