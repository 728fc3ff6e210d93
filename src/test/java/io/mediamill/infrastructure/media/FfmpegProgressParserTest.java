package io.mediamill.infrastructure.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FfmpegProgressParserTest {

    @Test
    void reportsMediaTimeAsItAdvancesAndTheEnd() {
        FfmpegProgressParser parser = new FfmpegProgressParser();

        assertEquals(OptionalDouble.empty(), parser.accept("frame=12"));
        assertEquals(OptionalDouble.empty(), parser.accept("out_time_us=N/A"));
        assertEquals(OptionalDouble.of(1.5), parser.accept("out_time_us=1500000"));
        assertEquals(OptionalDouble.empty(), parser.accept("out_time_us=1500000"), "no advance, no report");
        assertEquals(OptionalDouble.empty(), parser.accept("out_time_us=1000000"), "never backwards");
        assertFalse(parser.ended());
        assertEquals(OptionalDouble.of(9.009342), parser.accept("out_time_us=9009342"));
        parser.accept("progress=end");
        assertTrue(parser.ended());
    }

    @Test
    void ignoresWhatIsNotKeyValue() {
        assertEquals(OptionalDouble.empty(), new FfmpegProgressParser().accept("garbage"));
    }
}
