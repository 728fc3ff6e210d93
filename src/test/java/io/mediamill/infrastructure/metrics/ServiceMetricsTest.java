package io.mediamill.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.application.QueueStatistics;
import io.mediamill.application.QueueStatistics.QueueCounts;
import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What /metrics shows after the calls the service makes, rendered as a scraper reads it. */
class ServiceMetricsTest {

    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();
    /** The queue the gauge reads; none until a test deploys one. */
    private QueueStatistics deployedQueue;

    private final ServiceMetrics metrics = new ServiceMetrics() {
        @Override
        Optional<QueueStatistics> queueSource() {
            return Optional.ofNullable(deployedQueue);
        }
    };

    {
        metrics.processes = runner;
    }

    @Test
    void aFreshNodeShowsZeroesAndNoSeriesForLabelsNotSeenYet() {
        assertEquals("""
                # HELP mediamill_ffmpeg_processes ffmpeg and ffprobe processes this node runs now.
                # TYPE mediamill_ffmpeg_processes gauge
                mediamill_ffmpeg_processes 0.0
                # HELP mediamill_transcode_seconds Seconds from start to end of the processing attempts that completed on this node.
                # TYPE mediamill_transcode_seconds histogram
                mediamill_transcode_seconds_bucket{le="1.0"} 0
                mediamill_transcode_seconds_bucket{le="5.0"} 0
                mediamill_transcode_seconds_bucket{le="15.0"} 0
                mediamill_transcode_seconds_bucket{le="30.0"} 0
                mediamill_transcode_seconds_bucket{le="60.0"} 0
                mediamill_transcode_seconds_bucket{le="120.0"} 0
                mediamill_transcode_seconds_bucket{le="300.0"} 0
                mediamill_transcode_seconds_bucket{le="600.0"} 0
                mediamill_transcode_seconds_bucket{le="1200.0"} 0
                mediamill_transcode_seconds_bucket{le="1800.0"} 0
                mediamill_transcode_seconds_bucket{le="3600.0"} 0
                mediamill_transcode_seconds_bucket{le="7200.0"} 0
                mediamill_transcode_seconds_bucket{le="14400.0"} 0
                mediamill_transcode_seconds_bucket{le="28800.0"} 0
                mediamill_transcode_seconds_bucket{le="+Inf"} 0
                mediamill_transcode_seconds_count 0
                mediamill_transcode_seconds_sum 0.0
                # HELP mediamill_upload_bytes_total Bytes of uploads this node received and kept (multipart files and resumable PATCH bodies).
                # TYPE mediamill_upload_bytes_total counter
                mediamill_upload_bytes_total 0.0
                """, scrape());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.contentType());
    }

    @Test
    void uploadBytesAddUp() {
        metrics.uploadReceived(1_000);
        metrics.uploadReceived(24);
        metrics.uploadReceived(0);

        assertTrue(lines().contains("mediamill_upload_bytes_total 1024.0"), scrape());
    }

    @Test
    void attemptsCountByOutcomeFailuresByStepAndOnlyCompletedOnesAreTimed() {
        metrics.attemptEnded("completed", null, Duration.ofSeconds(42));
        metrics.attemptEnded("completed", null, Duration.ofMinutes(90));
        metrics.attemptEnded("failed", "renditions", Duration.ofSeconds(3));
        metrics.attemptEnded("failed", "probe", Duration.ofSeconds(1));
        metrics.attemptEnded("failed", "renditions", Duration.ofSeconds(2));
        metrics.attemptEnded("stopped", null, Duration.ofHours(5));

        List<String> lines = lines();
        assertTrue(lines.containsAll(List.of(
                "# TYPE mediamill_attempts_total counter",
                "mediamill_attempts_total{outcome=\"completed\"} 2.0",
                "mediamill_attempts_total{outcome=\"failed\"} 3.0",
                "mediamill_attempts_total{outcome=\"stopped\"} 1.0",
                "# TYPE mediamill_failures_total counter",
                "mediamill_failures_total{step=\"probe\"} 1.0",
                "mediamill_failures_total{step=\"renditions\"} 2.0",
                "mediamill_transcode_seconds_bucket{le=\"30.0\"} 0",
                "mediamill_transcode_seconds_bucket{le=\"60.0\"} 1",
                "mediamill_transcode_seconds_bucket{le=\"3600.0\"} 1",
                "mediamill_transcode_seconds_bucket{le=\"7200.0\"} 2",
                "mediamill_transcode_seconds_bucket{le=\"+Inf\"} 2",
                "mediamill_transcode_seconds_count 2",
                "mediamill_transcode_seconds_sum 5442.0")), scrape());
    }

    @Test
    void labelValuesStayWithinSmallSets() {
        metrics.attemptEnded("COMPLETED", null, Duration.ofSeconds(1));
        metrics.attemptEnded("failed: ffmpeg exited with 1", "Thumbnails", Duration.ofSeconds(1));
        metrics.attemptEnded(null, "/var/lib/media/videos/ab/cd: disk full", Duration.ofSeconds(1));

        List<String> lines = lines();
        assertTrue(lines.containsAll(List.of(
                "mediamill_attempts_total{outcome=\"completed\"} 1.0",
                "mediamill_attempts_total{outcome=\"other\"} 2.0",
                "mediamill_failures_total{step=\"thumbnails\"} 1.0",
                "mediamill_failures_total{step=\"other\"} 1.0",
                "mediamill_transcode_seconds_count 1")), scrape());
    }

    @Test
    void theQueueGaugeAppearsOnceAQueueIsDeployed() {
        assertFalse(scrape().contains("mediamill_queue_tasks"));

        deployedQueue = () -> new QueueCounts(7, 3, 2, 1);

        assertTrue(scrape().contains("""
                # HELP mediamill_queue_tasks Tasks in the processing queue (all nodes), by state: due, retry (waiting after a failed attempt), running; failed: videos out of attempts.
                # TYPE mediamill_queue_tasks gauge
                mediamill_queue_tasks{state="due"} 7.0
                mediamill_queue_tasks{state="failed"} 1.0
                mediamill_queue_tasks{state="retry"} 3.0
                mediamill_queue_tasks{state="running"} 2.0
                """), scrape());
    }

    @Test
    void aQueueThatCannotBeCountedLeavesOnlyItsGaugeOut() {
        metrics.uploadReceived(5);
        deployedQueue = () -> {
            throw new IllegalStateException("database unreachable");
        };

        String text = scrape();

        assertFalse(text.contains("mediamill_queue_tasks"), text);
        assertTrue(text.contains("mediamill_upload_bytes_total 5.0"), text);
    }

    @Test
    void theProcessGaugeCountsWhatTheRunnerRunsNow() throws Exception {
        CompletableFuture<Void> sleeping = CompletableFuture.runAsync(
                () -> runner.run(new ExternalCommand(List.of("sleep", "30")).ownedBy("gauge-test"), Duration.ofSeconds(60)));
        long started = System.nanoTime();
        while (!lines().contains("mediamill_ffmpeg_processes 1.0") && System.nanoTime() - started < 10_000_000_000L) {
            Thread.sleep(50);
        }
        assertTrue(lines().contains("mediamill_ffmpeg_processes 1.0"), scrape());

        runner.destroyOwnedBy("gauge-test");
        sleeping.handle((done, failed) -> null).get(10, TimeUnit.SECONDS);

        assertTrue(lines().contains("mediamill_ffmpeg_processes 0.0"), scrape());
    }

    private List<String> lines() {
        return scrape().lines().toList();
    }

    private String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            metrics.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
