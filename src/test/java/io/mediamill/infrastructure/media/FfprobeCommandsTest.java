package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfprobeCommandsTest {

    @Test
    void probeAsksForFormatAndStreamsAsJsonReadingOnlyTheFileWithTheAllowedDemuxers() {
        ExternalCommand command = new FfprobeCommands("ffprobe").probe(
                new MediaInput(Path.of("/media/a b.mp4"), null, List.of("mov", "matroska")));

        assertEquals(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                "-protocol_whitelist", "file", "-format_whitelist", "mov,matroska", "-i", "/media/a b.mp4"), command.argv());
    }

    @Test
    void aKnownFormatIsForced() {
        ExternalCommand command = new FfprobeCommands("ffprobe").probe(
                new MediaInput(Path.of("/m/s.mkv"), "matroska", List.of("mov", "matroska")));

        assertEquals(List.of("-protocol_whitelist", "file", "-format_whitelist", "mov,matroska", "-f", "matroska",
                "-i", "/m/s.mkv"), command.argv().subList(7, command.argv().size()));
    }
}
