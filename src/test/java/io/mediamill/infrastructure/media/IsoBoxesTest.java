package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.BadFiles;
import io.mediamill.testing.TestMedia;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IsoBoxesTest {

    private final TestMedia media = new TestMedia();
    private final BadFiles bad = new BadFiles(media);

    @Test
    void wholeFilesFitTheirBoxesWithTheIndexFirstOrLastOrFragmented() {
        assertEquals(Optional.empty(), IsoBoxes.cutShort(media.generate("iso-faststart.mp4", 160, 120, 1, true, "-c:v",
                "libx264", "-preset", "ultrafast", "-movflags", "+faststart")));
        assertEquals(Optional.empty(), IsoBoxes.cutShort(media.generate("iso-plain.mov", 160, 120, 1, true, "-c:v",
                "libx264", "-preset", "ultrafast")));
        assertEquals(Optional.empty(), IsoBoxes.cutShort(media.generate("iso-fragmented.mp4", 160, 120, 1, true, "-c:v",
                "libx264", "-preset", "ultrafast", "-movflags", "+frag_keyframe+empty_moov")));
    }

    @Test
    void aFileCutInItsMediaDataSaysWhichBoxAndHowMuchIsMissing() throws IOException {
        Path cut = bad.cutInMdat("iso-cut.mp4");

        String reason = IsoBoxes.cutShort(cut).orElseThrow();

        assertTrue(reason.startsWith("ends early: its 'mdat' box needs "), reason);
        assertTrue(reason.contains("the file has " + Files.size(cut)), reason);
    }

    @Test
    void aLargeSizeBoxIsReadAsSixtyFourBits() throws IOException {
        Path file = media.file("iso-largesize.bin");
        ByteBuffer box = ByteBuffer.allocate(16 + 100).putInt(1).put("mdat".getBytes()).putLong(16 + 100);
        Files.write(file, box.array());
        assertEquals(Optional.empty(), IsoBoxes.cutShort(file));

        Files.write(file, Arrays.copyOf(box.array(), 60));
        assertTrue(IsoBoxes.cutShort(file).orElseThrow().contains("needs 116 bytes, the file has 60"));
    }

    @Test
    void aSizeSmallerThanABoxHeaderIsNoBoxAndLeftToFfprobe() throws IOException {
        Path tiny = media.file("iso-tiny.bin");
        Files.write(tiny, new byte[] {0, 0, 0, 4, 'f', 't', 'y', 'p', 0, 0, 0, 0});

        assertEquals(Optional.empty(), IsoBoxes.cutShort(tiny));
    }

    @Test
    void aFileThatDoesNotStartAsAnIsoFileIsLeftToFfprobe() throws IOException {
        Path text = media.file("iso-text.bin");
        Files.writeString(text, "some bytes that are no box at all, 39 b");

        assertEquals(Optional.empty(), IsoBoxes.cutShort(text));
    }

    @Test
    void aLastBoxOfSizeZeroRunsToTheEnd() throws IOException {
        Path open = media.file("iso-open.bin");
        Files.write(open, ByteBuffer.allocate(40).putInt(0).put("mdat".getBytes()).array());

        assertEquals(Optional.empty(), IsoBoxes.cutShort(open));
    }
}
