package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathRedactionTest {

    private static final Path ROOT = Path.of("/srv/mediamill/media");
    private static final Path FOLDER = ROOT.resolve("videos/ab/cd/abcd1234");

    @Test
    void theUploadIsNamedAsItsUploaderNamedIt() {
        Path upload = ROOT.resolve("incoming/0b9c7f52-1c43-4a53-9a38-0d3e1f0c8a11.upload");
        PathRedaction redaction = new PathRedaction(ROOT, null, upload, "holiday.mp4");

        assertEquals("holiday.mp4: Invalid data found when processing input",
                redaction.apply(upload + ": Invalid data found when processing input"));
        assertEquals("the uploaded file: Invalid data found when processing input",
                new PathRedaction(ROOT, null, upload, null).apply(upload + ": Invalid data found when processing input"));
    }

    @Test
    void theVideosOtherFilesAreNamedWithinItsFolderAndTheRestWithinTheVolume() {
        PathRedaction redaction = new PathRedaction(ROOT, FOLDER, FOLDER.resolve("source.mp4"), "Urlaub 2024.mov");

        String stderr = "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5] stream 1, offset 0x30: partial file\n"
                + FOLDER + "/source.mp4: Invalid data found when processing input\n"
                + "[dash @ 0x7] Could not open '" + FOLDER + "/.stream.part/init-0.m4s' for writing\n"
                + "Error opening output file " + FOLDER + "/stream/manifest.mpd.\n"
                + "Failed to open " + ROOT + "/incoming/x.tus and " + ROOT + ", nor " + FOLDER + ".";

        assertEquals("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5] stream 1, offset 0x30: partial file\n"
                + "Urlaub 2024.mov: Invalid data found when processing input\n"
                + "[dash @ 0x7] Could not open '.stream.part/init-0.m4s' for writing\n"
                + "Error opening output file stream/manifest.mpd.\n"
                + "Failed to open incoming/x.tus and the media volume, nor the video's folder.", redaction.apply(stderr));
    }

    @Test
    void aLongerNameThatMerelyStartsLikeAPathIsLeftAlone() {
        PathRedaction redaction = new PathRedaction(ROOT, FOLDER, FOLDER.resolve("source.mp4"), "a.mp4");

        assertEquals("/srv/mediamill/media2/x and source.mp4.bak", redaction.apply("/srv/mediamill/media2/x and "
                + FOLDER + "/source.mp4.bak"));
        assertNull(redaction.apply(null));
    }
}
