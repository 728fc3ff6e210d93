package io.mediamill.infrastructure.sync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another node's media volume as rsync reaches it: {@code rsync://host:port/module} (that node's rsync daemon,
 * signed in as user {@code mediamill}) or {@code host:path} (rsync over ssh). Its name is that node's
 * {@code MEDIAMILL_NODE_NAME}.
 */
public record Peer(String name, String address) {

    static final String DAEMON_USER = "mediamill";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern DAEMON = Pattern.compile("rsync://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?/([A-Za-z0-9._-]+)(/[^\\s]*)?");
    private static final Pattern SSH = Pattern.compile("((?:[A-Za-z0-9._-]+@)?[A-Za-z0-9.-]+):(/(?!/)[^\\s]*|[^/\\s][^\\s]*)");

    public Peer {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a peer's name is its node name (letters, digits, '.', '_', '-'), not '" + name + "'");
        }
        if (address == null || !(DAEMON.matcher(address).matches() || SSH.matcher(address).matches())) {
            throw new IllegalArgumentException("peer " + name + ": '" + address
                    + "' is neither rsync://host:port/module (an rsync daemon) nor host:path (rsync over ssh)");
        }
    }

    public boolean isDaemon() {
        return address.startsWith("rsync://");
    }

    /** The volume's root as rsync names it, ending in '/': with the daemon's user, never a password. */
    String root() {
        String root = address;
        if (isDaemon()) {
            Matcher daemon = DAEMON.matcher(address);
            daemon.matches();
            root = "rsync://" + DAEMON_USER + "@" + daemon.group(1) + (daemon.group(2) == null ? "" : daemon.group(2))
                    + "/" + daemon.group(3) + (daemon.group(4) == null ? "" : daemon.group(4));
        }
        return root.endsWith("/") ? root : root + "/";
    }
}
