package io.mediamill.infrastructure.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A camera's HLS folder: emptied before each run, removed when the relay stops, and read for the output's bitrate. */
final class LiveFolder {

    private static final String DURATION = "#EXTINF:";

    private LiveFolder() {
    }

    /** Makes the folder, or empties it of an earlier run's files. */
    static void empty(Path folder) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the live folder " + folder, e);
        }
    }

    /** Removes the folder and what is in it; a folder that is not there is fine. */
    static void remove(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException gone) {
            // removed meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the live folder " + folder, e);
        }
    }

    /**
     * The output's bitrate in bits per second over the segments the playlist lists: their bytes over their
     * durations. 0 while nothing can be measured.
     */
    static long bitrate(Path folder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve(LiveCommands.PLAYLIST));
        } catch (IOException e) {
            return 0;
        }
        double seconds = 0;
        long bytes = 0;
        double pending = 0;
        for (String line : lines) {
            if (line.startsWith(DURATION)) {
                String value = line.substring(DURATION.length());
                int comma = value.indexOf(',');
                pending = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
            } else if (!line.isBlank() && !line.startsWith("#") && pending > 0) {
                try {
                    bytes += Files.size(folder.resolve(line.strip()));
                    seconds += pending;
                } catch (IOException deletedMeanwhile) {
                    // the window moved on
                }
                pending = 0;
            }
        }
        return seconds <= 0 ? 0 : Math.round(bytes * 8 / seconds);
    }
}
