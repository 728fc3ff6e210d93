package io.mediamill.infrastructure.metrics;

import io.mediamill.application.MetricsRecorder;
import io.mediamill.application.QueueStatistics;
import io.mediamill.application.QueueStatistics.QueueCounts;
import io.mediamill.infrastructure.media.ProcessRunner;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The service's metrics, in a Prometheus registry of this deployment's own (not the client's global default,
 * which two deployments in one JVM would share). Counters and the histogram are fed through
 * {@link MetricsRecorder}; the gauges are read when scraped: the ffmpeg/ffprobe processes this node runs, and
 * the queue's tasks from whichever bean implements {@link QueueStatistics} (absent while there is none).
 * Label values come from small fixed sets; anything else is counted as {@code other}, so a caller's mistake
 * cannot grow the number of series without bound.
 */
@ApplicationScoped
public class ServiceMetrics implements MetricsRecorder {

    private static final Logger LOG = Logger.getLogger(ServiceMetrics.class.getName());
    private static final Pattern OUTCOME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern STEP = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final String OTHER = "other";
    /** From a short clip's seconds to a feature film's hours. */
    private static final double[] TRANSCODE_BUCKETS =
            {1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();

    private final Counter uploadBytes = Counter.builder()
            .name("mediamill_upload_bytes")
            .help("Bytes of uploads this node received and kept (multipart files and resumable PATCH bodies).")
            .withoutExemplars()
            .register(registry);
    private final Counter attempts = Counter.builder()
            .name("mediamill_attempts")
            .help("Processing attempts that ended on this node, by outcome.")
            .labelNames("outcome")
            .withoutExemplars()
            .register(registry);
    private final Counter failures = Counter.builder()
            .name("mediamill_failures")
            .help("Processing attempts on this node that a failed step ended, by step.")
            .labelNames("step")
            .withoutExemplars()
            .register(registry);
    private final Histogram transcodeSeconds = Histogram.builder()
            .name("mediamill_transcode_seconds")
            .help("Seconds from start to end of the processing attempts that completed on this node.")
            .classicOnly()
            .classicUpperBounds(TRANSCODE_BUCKETS)
            .withoutExemplars()
            .register(registry);

    @Inject
    ProcessRunner processes;

    @Inject
    Instance<QueueStatistics> queue;

    public ServiceMetrics() {
        GaugeWithCallback.builder()
                .name("mediamill_ffmpeg_processes")
                .help("ffmpeg and ffprobe processes this node runs now.")
                .callback(gauge -> gauge.call(processes.runningCount()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("mediamill_queue_tasks")
                .help("Tasks in the processing queue (all nodes), by state: due, retry (waiting after a failed attempt), running; failed: videos out of attempts.")
                .labelNames("state")
                .callback(gauge -> queueCounts().ifPresent(counts -> {
                    gauge.call(counts.due(), "due");
                    gauge.call(counts.waitingForRetry(), "retry");
                    gauge.call(counts.running(), "running");
                    gauge.call(counts.failed(), "failed");
                }))
                .register(registry);
    }

    @Override
    public void uploadReceived(long bytes) {
        if (bytes > 0) {
            uploadBytes.inc(bytes);
        }
    }

    @Override
    public void attemptEnded(String outcome, String failedStep, Duration took) {
        String label = label(outcome, OUTCOME);
        attempts.labelValues(label).inc();
        if (failedStep != null) {
            failures.labelValues(label(failedStep, STEP)).inc();
        }
        if (COMPLETED.equals(label) && took != null && !took.isNegative()) {
            transcodeSeconds.observe(took.toMillis() / 1000.0);
        }
    }

    /** The Content-Type of what {@link #writeTo} writes: the Prometheus text format 0.0.4. */
    public String contentType() {
        return text.getContentType();
    }

    /** Reads every metric now (the gauges included) and writes them in the text format. */
    public void writeTo(OutputStream out) throws IOException {
        text.write(out, registry.scrape());
    }

    /** The queue's counts; none while no queue is deployed, or when it cannot tell (the scrape goes on without them). */
    private Optional<QueueCounts> queueCounts() {
        Optional<QueueStatistics> source = queueSource();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(source.get().counts());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "mediamill_queue_tasks left out of this scrape: the queue could not be counted", e);
            return Optional.empty();
        }
    }

    /** The deployed queue, when there is exactly one. */
    Optional<QueueStatistics> queueSource() {
        return queue.isResolvable() ? Optional.of(queue.get()) : Optional.empty();
    }

    private static String label(String value, Pattern allowed) {
        String normalized = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return allowed.matcher(normalized).matches() ? normalized : OTHER;
    }
}
