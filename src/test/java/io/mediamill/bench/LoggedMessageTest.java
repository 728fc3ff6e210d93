package io.mediamill.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoggedMessageTest {

    @Test
    void takesTheMessageOfAWildFlyLine() {
        assertEquals("ffmpeg -hide_banner -i /m/original", TranscodeBenchmark.loggedMessage(
                "2026-11-22 07:17:59,932 INFO  [io.mediamill.infrastructure.media.CommonsExecProcessRunner] "
                        + "(EE-ManagedExecutorService-default-Thread-4) ffmpeg -hide_banner -i /m/original"));
    }

    @Test
    void takesTheMessageOfAPayaraLine() {
        assertEquals("ffmpeg -hide_banner -i /m/original", TranscodeBenchmark.loggedMessage(
                "[2026-11-22T07:18:02.754+0000] [] [INFO] [] [io.mediamill.infrastructure.media.CommonsExecProcessRunner] "
                        + "[tid: _ThreadID=308 _ThreadName=concurrent/__defaultManagedExecutorService-managedThreadFactory-Thread-4] "
                        + "[timeMillis: 1795331882754] [levelValue: 800] ffmpeg -hide_banner -i /m/original"));
    }
}
