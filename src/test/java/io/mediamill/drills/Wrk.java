package io.mediamill.drills;

import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import io.mediamill.infrastructure.media.ExternalCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's package) on loopback: a bounded run of many connections over a list of paths, each connection
 * taking the next path in turn, summed up by a Lua {@code done} hook that prints one line the drill parses.
 */
final class Wrk {

    private static final String SCRIPT = """
            -- Each request takes the next of the paths given after "--"; done() prints one line of figures.
            local paths, next = {}, 0
            init = function(args)
              for i, path in ipairs(args) do paths[i] = path end
            end
            request = function()
              next = next % #paths + 1
              return wrk.format("GET", paths[next])
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("WRK requests=%d p50=%d p99=%d max=%d connect=%d read=%d write=%d status=%d timeout=%d\\n",
                summary.requests, latency:percentile(50), latency:percentile(99), latency.max,
                e.connect, e.read, e.write, e.status, e.timeout))
            end
            """;
    private static final Pattern FIGURE = Pattern.compile("(\\w+)=(\\d+)");

    private final String baseUrl;
    private final String authorization;
    private final Path script;
    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();

    /** {@code authorization} is sent with every request; null sends none. */
    Wrk(String baseUrl, String authorization, Path work) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.script = work.resolve("drills-wrk.lua");
        try {
            Files.createDirectories(work);
            Files.writeString(script, SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One run: two threads, {@code connections} connections, {@code seconds} long, 5 s timeout a request. */
    Run run(int connections, int seconds, List<String> paths) {
        List<String> argv = new ArrayList<>(List.of("wrk", "--threads", "2", "--connections", String.valueOf(connections),
                "--duration", seconds + "s", "--timeout", "5s", "--script", script.toString()));
        if (authorization != null) {
            argv.addAll(List.of("--header", "Authorization: " + authorization));
        }
        argv.addAll(List.of(baseUrl, "--"));
        argv.addAll(paths);
        String out = runner.run(new ExternalCommand(argv), Duration.ofSeconds(seconds + 60)).stdout();
        String line = out.lines().filter(text -> text.startsWith("WRK ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no figures: " + out));
        Map<String, Long> figures = new HashMap<>();
        Matcher matcher = FIGURE.matcher(line);
        while (matcher.find()) {
            figures.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        long errors = figures.get("connect") + figures.get("read") + figures.get("write") + figures.get("status")
                + figures.get("timeout");
        String kinds = String.format("connect %d, read %d, write %d, 4xx/5xx %d, timeout %d", figures.get("connect"),
                figures.get("read"), figures.get("write"), figures.get("status"), figures.get("timeout"));
        return new Run(figures.get("requests"), figures.get("p50") / 1000.0, figures.get("p99") / 1000.0,
                figures.get("max") / 1000.0, errors, kinds);
    }

    /** What one run measured: latencies in milliseconds; errors are failed connections, reads, 4xx/5xx, timeouts. */
    record Run(long requests, double p50Millis, double p99Millis, double maxMillis, long errors, String errorKinds) {

        @Override
        public String toString() {
            return String.format("%d requests, p50 %.1f ms, p99 %.1f ms, max %.0f ms, %d errors", requests, p50Millis,
                    p99Millis, maxMillis, errors) + (errors == 0 ? "" : " (" + errorKinds + ")");
        }
    }
}
