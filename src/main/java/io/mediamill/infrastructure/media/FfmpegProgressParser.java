package io.mediamill.infrastructure.media;

import java.util.OptionalDouble;

/**
 * Reads the {@code key=value} lines ffmpeg writes with {@code -progress}: {@code out_time_us} is how far into
 * the media the output has got, {@code progress=end} closes the run.
 */
public final class FfmpegProgressParser {

    private double seconds = -1;
    private boolean ended;

    /** Takes one line; returns the media time reached when the line moved it forward. */
    public OptionalDouble accept(String line) {
        int equals = line.indexOf('=');
        if (equals < 0) {
            return OptionalDouble.empty();
        }
        String key = line.substring(0, equals).strip();
        String value = line.substring(equals + 1).strip();
        if (key.equals("progress")) {
            ended = value.equals("end");
        } else if (key.equals("out_time_us")) {
            try {
                double reached = Long.parseLong(value) / 1_000_000.0;
                if (reached > seconds) {
                    seconds = reached;
                    return OptionalDouble.of(seconds);
                }
            } catch (NumberFormatException notYetKnown) {
                // "N/A" before the first frame is out
            }
        }
        return OptionalDouble.empty();
    }

    public boolean ended() {
        return ended;
    }
}
