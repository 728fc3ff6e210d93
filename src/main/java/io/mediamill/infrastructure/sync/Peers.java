package io.mediamill.infrastructure.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code MEDIAMILL_PEERS}: comma-separated {@code name=address} entries, in the order pulls try them. */
public final class Peers {

    private Peers() {
    }

    /** The peers of node {@code self}; empty for a blank setting. Throws with the entry at fault. */
    public static List<Peer> parse(String setting, String self) {
        List<Peer> peers = new ArrayList<>();
        if (setting == null || setting.isBlank()) {
            return peers;
        }
        Set<String> names = new HashSet<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("MEDIAMILL_PEERS: '" + trimmed
                        + "' needs a name: name=rsync://host:port/module or name=host:path");
            }
            Peer peer;
            try {
                peer = new Peer(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("MEDIAMILL_PEERS: " + e.getMessage(), e);
            }
            if (peer.name().equals(self)) {
                throw new IllegalArgumentException("MEDIAMILL_PEERS: " + peer.name() + " is this node's own name");
            }
            if (!names.add(peer.name())) {
                throw new IllegalArgumentException("MEDIAMILL_PEERS: " + peer.name() + " is named twice");
            }
            peers.add(peer);
        }
        return List.copyOf(peers);
    }
}
