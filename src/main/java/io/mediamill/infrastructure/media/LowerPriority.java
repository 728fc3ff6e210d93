package io.mediamill.infrastructure.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Background work runs under {@code nice}: ffmpeg spreads an encode over every core, and at equal priority two
 * transcodes leave the server's request threads (and its database) waiting for the CPU, so reads slow down by
 * tens of milliseconds. At niceness {@value #NICENESS} the kernel gives the server the CPU whenever it wants it;
 * when nothing else runs, the encode is as fast as before.
 */
final class LowerPriority {

    static final int NICENESS = 10;
    /** coreutils' nice, where every Debian and most other systems have it. */
    private static final Path NICE = Path.of("/usr/bin/nice");

    private LowerPriority() {
    }

    /** The argv behind {@code nice -n 10}, which execs it (same pid); as it is where nice is missing. */
    static List<String> wrap(List<String> argv) {
        if (!Files.isExecutable(NICE)) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(argv.size() + 3);
        wrapped.addAll(List.of(NICE.toString(), "-n", String.valueOf(NICENESS)));
        wrapped.addAll(argv);
        return List.copyOf(wrapped);
    }
}
