package io.mediamill.infrastructure.sync;

import io.mediamill.infrastructure.media.ExternalCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rsync command lines that keep volumes in sync. Receivers never hold a half file where a reader looks:
 * rsync writes each file under a hidden temporary name and renames it, {@code --delay-updates} renames them all
 * at the end, and a push sends a folder's manifests (HLS playlists, DASH manifests) in a second pass, after
 * every segment they name. Hidden names (our own temporaries and stamps) never travel. Paths are relative to a
 * volume's root; {@code --relative} with the {@code /./} marker recreates their folders on the other side.
 */
public final class RsyncCommands {

    private static final List<String> MANIFESTS = List.of("*.m3u8", "*.mpd");
    private static final int IO_TIMEOUT_SECONDS = 60;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final String program;
    private final Path volume;
    private final Path passwordFile;

    /** {@code passwordFile} holds the daemons' secret (0600); needed only for daemon peers. */
    public RsyncCommands(String program, Path volume, Path passwordFile) {
        this.program = program;
        this.volume = volume;
        this.passwordFile = passwordFile;
    }

    /**
     * Sends one folder (a video's, or the whole {@code videos/} tree when reconciling) to the peer, never deleting
     * anything there: segments and everything else first, manifests last.
     */
    public List<ExternalCommand> push(Peer peer, String folder) {
        return inTwoPasses(peer, local(folder) + "/", peer.root());
    }

    private List<ExternalCommand> inTwoPasses(Peer peer, String source, String target) {
        List<String> first = transfer(peer);
        MANIFESTS.forEach(manifest -> first.add("--exclude=" + manifest));
        first.addAll(List.of(source, target));
        List<String> second = transfer(peer);
        second.addAll(List.of(source, target));
        return List.of(new ExternalCommand(first), new ExternalCommand(second));
    }

    /**
     * Removes one folder on the peer: its parent is sent with nothing but that folder let through, and
     * {@code --delete} removes it there because it is not here (any more). Works whatever the peer holds; the
     * parent must exist here (empty will do).
     */
    public ExternalCommand delete(Peer peer, String folder) {
        String normalized = strip(folder);
        int slash = normalized.lastIndexOf('/');
        String parent = normalized.substring(0, slash);
        String name = normalized.substring(slash + 1);
        List<String> argv = base(peer);
        argv.addAll(List.of("--recursive", "--relative", "--delete"));
        String prefix = "";
        for (String part : parent.split("/")) {
            prefix += "/" + part;
            argv.add("--include=" + prefix + "/");
        }
        argv.addAll(List.of("--include=/" + parent + "/" + name + "/***", "--exclude=*",
                volume + "/./" + parent + "/", peer.root()));
        return new ExternalCommand(argv);
    }

    /** Fetches one folder (or the whole {@code videos/} tree) from the peer into this volume, manifests last. */
    public List<ExternalCommand> pull(Peer peer, String folder) {
        return inTwoPasses(peer, peer.root() + "./" + strip(folder) + "/", volume + "/");
    }

    /** Fetches one file from the peer into the same place in this volume. */
    public ExternalCommand pullFile(Peer peer, String file) {
        List<String> argv = base(peer);
        argv.addAll(List.of("--times", "--relative", peer.root() + "./" + strip(file), volume + "/"));
        return new ExternalCommand(argv);
    }

    private List<String> transfer(Peer peer) {
        List<String> argv = base(peer);
        argv.addAll(List.of("--recursive", "--times", "--relative", "--delay-updates", "--exclude=.*"));
        return argv;
    }

    private List<String> base(Peer peer) {
        List<String> argv = new ArrayList<>(List.of(program, "--timeout=" + IO_TIMEOUT_SECONDS));
        if (peer.isDaemon()) {
            argv.add("--contimeout=" + CONNECT_TIMEOUT_SECONDS);
            argv.add("--password-file=" + passwordFile);
        } else {
            argv.addAll(List.of("--rsh", "ssh -o BatchMode=yes -o ConnectTimeout=" + CONNECT_TIMEOUT_SECONDS));
        }
        return argv;
    }

    private String local(String folder) {
        return volume + "/./" + strip(folder);
    }

    private static String strip(String relative) {
        String stripped = relative;
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        if (stripped.isEmpty() || stripped.contains("..") || stripped.startsWith(".")) {
            throw new IllegalArgumentException("not a folder of the volume: " + relative);
        }
        return stripped;
    }
}
