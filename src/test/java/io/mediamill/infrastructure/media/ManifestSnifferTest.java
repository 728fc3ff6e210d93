package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestSnifferTest {

    @Test
    void playlistsManifestsListsAndSessionDescriptionsAreRecognised() {
        assertEquals(Optional.of("hls"), sniff("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:1.0,\n/srv/a.mp4\n"));
        assertEquals(Optional.of("hls"), sniff("\uFEFF\n#EXTM3U\n"), "after a byte order mark and blank lines");
        assertEquals(Optional.of("dash"), sniff("<?xml version=\"1.0\"?>\n<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\">"));
        assertEquals(Optional.of("concat"), sniff("ffconcat version 1.0\nfile /srv/a.mp4\n"));
        assertEquals(Optional.of("concat"), sniff("# my list\n\nfile '/srv/a.mp4'\nfile '/srv/b.mp4'\n"), "without a header");
        assertEquals(Optional.of("sdp"), sniff("v=0\no=- 0 0 IN IP4 127.0.0.1\ns=x\nm=video 5004 RTP/AVP 96\n"));
    }

    @Test
    void mediaAndOtherTextAreNot() {
        assertEquals(Optional.empty(), sniff("This is plain text pretending to be a video.\n"));
        assertEquals(Optional.empty(), sniff("<html><body>not a manifest</body></html>"));
        assertEquals(Optional.empty(), sniff("files are here\n"));
        assertEquals(Optional.empty(), sniff(""));
        byte[] mp4 = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', '#', 'E', 'X', 'T', 'M', '3', 'U'};
        assertEquals(Optional.empty(), ManifestSniffer.sniff(mp4), "binary is media, whatever text it holds");
    }

    private static Optional<String> sniff(String text) {
        return ManifestSniffer.sniff(text.getBytes(StandardCharsets.UTF_8));
    }
}
