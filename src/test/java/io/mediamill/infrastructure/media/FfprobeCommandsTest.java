package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfprobeCommandsTest {

    @Test
    void probeAsksForFormatAndStreamsAsJson() {
        ExternalCommand command = new FfprobeCommands("ffprobe").probe(Path.of("/media/a b.mp4"));

        assertEquals(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                "/media/a b.mp4"), command.argv());
    }
}
