package io.mediamill.domain.model.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamSourceTest {

    @Test
    void takesNetworkStreamsOnly() {
        for (String url : new String[] {"rtsp://cam.local:554/stream1", "rtsps://10.0.0.5/x", "rtmp://srs.example/live/a",
                "srt://10.1.1.1:9000?mode=caller", "udp://239.0.0.1:1234", "http://cam/mjpeg", "https://cdn/live.m3u8"}) {
            assertEquals(url, StreamSource.source(url).url());
        }
        for (String url : new String[] {"file:///etc/passwd", "concat:/a|/b", "subfile:,,start,0,end,0,,:/etc/passwd",
                "pipe:0", "/etc/passwd", "fd:3", "data:text/plain,hi", "gopher://x/y", "crypto:file:/x", "hls+file:/x"}) {
            RefusedSourceException refused = assertThrows(RefusedSourceException.class, () -> StreamSource.source(url), url);
            assertEquals("source", refused.field());
        }
    }

    @Test
    void refusesUrlsWithoutAHostOrWithSpacesOrPipes() {
        assertThrows(RefusedSourceException.class, () -> StreamSource.source("rtsp://"));
        assertThrows(RefusedSourceException.class, () -> StreamSource.source("rtsp:///path"));
        assertThrows(RefusedSourceException.class, () -> StreamSource.source("rtsp://cam/a b"));
        assertThrows(RefusedSourceException.class, () -> StreamSource.source("rtmp://a/b|file:/etc/passwd"));
        assertThrows(RefusedSourceException.class, () -> StreamSource.source("rtsp://cam/\nx"));
        assertThrows(RefusedSourceException.class, () -> StreamSource.source(null));
    }

    @Test
    void targetsAreRtmpOnly() {
        assertEquals("rtmp", StreamSource.rtmpTarget("rtmp://srs/live/key").scheme());
        RefusedSourceException refused = assertThrows(RefusedSourceException.class,
                () -> StreamSource.rtmpTarget("rtsp://srs/live/key"));
        assertEquals("rtmpTarget", refused.field());
    }

    @Test
    void masksCredentialsWhereverTheyAppear() {
        StreamSource source = StreamSource.source("rtsp://admin:Sup3r%40secret@192.168.1.20:554/h264?token=abc123xyz&channel=1");
        assertEquals("rtsp://***@192.168.1.20:554/h264?token=***&channel=1", source.masked());
        String error = "[rtsp @ 0x1] method DESCRIBE failed: 401 Unauthorized rtsp://admin:Sup3r%40secret@192.168.1.20:554/h264 "
                + "user admin password Sup3r@secret";
        String masked = source.maskIn(error);
        assertFalse(masked.contains("Sup3r"), masked);
        assertFalse(masked.contains("abc123xyz"), masked);
        assertTrue(masked.contains("401 Unauthorized"), masked);
        assertEquals("srt://10.1.1.1:9000?mode=caller&passphrase=***",
                StreamSource.source("srt://10.1.1.1:9000?mode=caller&passphrase=longsecretphrase").masked());
    }

    @Test
    void cameraIdsArePlainNames() {
        assertEquals("front-door_1", new CameraId("front-door_1").value());
        for (String bad : new String[] {"", "../x", "a/b", "a.b", "-x", "x".repeat(65)}) {
            assertThrows(RefusedSourceException.class, () -> new CameraId(bad), bad);
        }
    }
}
