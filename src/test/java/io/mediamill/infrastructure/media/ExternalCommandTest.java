package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalCommandTest {

    @Test
    void logLineQuotesOnlyWhatAShellWouldSplit() {
        ExternalCommand command = new ExternalCommand(List.of("ffmpeg", "-i", "/m/it's here.mp4", "-vf", "scale=-2:360"));

        assertEquals("ffmpeg -i '/m/it'\\''s here.mp4' -vf scale=-2:360", command.toString());
    }

    @Test
    void programAndArgumentsAreSplit() {
        ExternalCommand command = new ExternalCommand(List.of("ffprobe", "-version"));

        assertEquals("ffprobe", command.program());
        assertEquals(List.of("-version"), command.arguments());
    }

    @Test
    void aCommandNeedsAProgram() {
        assertThrows(IllegalArgumentException.class, () -> new ExternalCommand(List.of()));
    }
}
