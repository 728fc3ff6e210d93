package io.mediamill.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediamill.infrastructure.media.ExternalCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsWhatTheServiceLogsBackIntoTheSameArgv() {
        List<String> argv = List.of("ffmpeg", "-map", "0:a:0?", "-init_seg_name", "init-$RepresentationID$.m4s",
                "-i", "/m/it's here.mp4", "-adaptation_sets", "id=0,streams=v id=1,streams=a", "expr:gte(t,n_forced*2)");

        assertEquals(argv, ShellWords.split(new ExternalCommand(argv).toString()));
    }
}
