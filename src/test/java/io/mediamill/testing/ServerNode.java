package io.mediamill.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Mediamill server started by the launcher, as the tests see it from outside: its JVM (to SIGKILL it, as a
 * crash would), the environment it was started with (to start it again, or a second node like it), and the
 * external processes it runs. Linux only: it reads /proc.
 */
public final class ServerNode {

    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir"), "mediamill");

    private final Path home;
    private final int port;
    private final Map<String, String> environment;

    private ServerNode(Path home, int port, Map<String, String> environment) {
        this.home = home;
        this.port = port;
        this.environment = environment;
    }

    /** The server the integration tests run against, with the environment its JVM has now. */
    public static ServerNode underTest() {
        return running(Path.of(System.getProperty("mediamill.it.home")), System.getProperty("mediamill.baseUrl"));
    }

    /** The server the launcher started with that home, answering at that base URL. */
    public static ServerNode running(Path home, String baseUrl) {
        int port = Integer.parseInt(baseUrl.replaceAll(".*:(\\d+).*", "$1"));
        ServerNode node = new ServerNode(home, port, Map.of());
        return new ServerNode(home, port, node.jvmEnvironment());
    }

    /** Another node like this one (same database and media volume) with a home and port of its own. */
    public ServerNode sibling(Path otherHome, int otherPort) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("MEDIAMILL_HOME", otherHome.toString());
        env.put("MEDIAMILL_PORT", String.valueOf(otherPort));
        env.remove("MEDIAMILL_NODE_NAME");
        return new ServerNode(otherHome, otherPort, env);
    }

    /** The same node with these settings changed (before it starts). */
    public ServerNode with(Map<String, String> settings) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(settings);
        return new ServerNode(home, port, env);
    }

    /** The same node with these settings unset, so that it runs with their defaults. */
    public ServerNode without(String... names) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        List.of(names).forEach(env::remove);
        return new ServerNode(home, port, env);
    }

    public Path home() {
        return home;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String nodeName() {
        return environment.get("MEDIAMILL_NODE_NAME");
    }

    /** A MEDIAMILL_* setting the node runs with, or {@code fallback} when it runs with the default. */
    public String setting(String name, String fallback) {
        return environment.getOrDefault(name, fallback);
    }

    /** Starts the node through the launcher and returns once it answers its health check. */
    public ServerNode start() {
        launcher("start", Duration.ofMinutes(5));
        return new ServerNode(home, port, jvmEnvironment());
    }

    public void stop() {
        launcher("stop", Duration.ofMinutes(2));
    }

    /**
     * Stops a node run in the foreground as {@code docker stop} does: a TERM, and after a grace period a KILL for
     * the launcher and whatever it started (killing the launcher alone would leave its server running).
     */
    public static void stopForeground(Process launcher) {
        List<ProcessHandle> started = launcher.toHandle().descendants().toList();
        launcher.destroy();
        try {
            if (!launcher.waitFor(2, TimeUnit.MINUTES)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** What an image's build does: the WAR and the server made ready, nothing started. */
    public void provision() {
        launcher("provision", Duration.ofMinutes(10));
    }

    /**
     * Runs the node as a container's entry point does, {@code ./mediamill run} in the foreground, and returns
     * the launcher's process once the node answers its health check. A TERM to it stops the node.
     */
    public Process runInForeground(Duration timeout) {
        Path log = home.resolveSibling(home.getFileName() + "-run.log");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "run").redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MEDIAMILL_"));
        builder.environment().putAll(environment);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/health")).timeout(Duration.ofSeconds(5)).build();
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return process;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                Thread.sleep(1000);
            }
            stopForeground(process);
            throw new IllegalStateException("./mediamill run did not answer its health check (" + log + ")");
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the launcher", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's JVM, for tools that look inside it (jstat, jcmd). */
    public ProcessHandle jvmProcess() {
        return jvm().orElseThrow(() -> new IllegalStateException("no server JVM under " + home));
    }

    /** SIGKILLs the server's JVM alone, as the kernel's OOM killer or a power cut would: no shutdown hook runs. */
    public void crash() {
        ProcessHandle jvm = jvm().orElseThrow(() -> new IllegalStateException("no server JVM under " + home));
        jvm.destroyForcibly();
        try {
            jvm.onExit().get(30, TimeUnit.SECONDS);
            // The launcher's wrapper shell (WildFly's standalone.sh) ends with it.
            leader().ifPresent(leader -> leader.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        } catch (Exception e) {
            throw new IllegalStateException("the server JVM did not die", e);
        }
    }

    /**
     * SIGKILLs the server's JVM and this node's rsync daemon, as a dead machine: its volume is out of reach
     * until it starts again.
     */
    public void crashWithVolume() {
        crash();
        try {
            Path pidFile = home.resolve("rsyncd.pid");
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(daemon -> {
                    daemon.destroyForcibly();
                    daemon.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                });
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("could not stop the rsync daemon under " + home, e);
        }
    }

    /** Processes whose command line mentions {@code text} (a video id names its folder in every ffmpeg run). */
    public static List<ProcessHandle> processesMentioning(String program, String text) {
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> {
            Optional<String> command = process.info().command();
            if (command.isPresent() && command.get().endsWith("/" + program) && commandLine(process).contains(text)) {
                found.add(process);
            }
        });
        return found;
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private Optional<ProcessHandle> leader() {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("mediamill.pid")).strip());
            return ProcessHandle.of(pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<ProcessHandle> jvm() {
        Optional<ProcessHandle> leader = leader();
        if (leader.isEmpty()) {
            return Optional.empty();
        }
        if (isJava(leader.get())) {
            return leader;
        }
        return leader.get().descendants().filter(ServerNode::isJava).findFirst();
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
    }

    /** The MEDIAMILL_* settings (and what a launcher needs besides) of the running JVM. */
    private Map<String, String> jvmEnvironment() {
        ProcessHandle jvm = jvm().orElseThrow(() -> new IllegalStateException("no server JVM under " + home));
        Map<String, String> env = new LinkedHashMap<>();
        try {
            String all = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(jvm.pid()), "environ")),
                    StandardCharsets.UTF_8);
            for (String entry : all.split("\0")) {
                int equals = entry.indexOf('=');
                String name = equals < 0 ? entry : entry.substring(0, equals);
                if (name.startsWith("MEDIAMILL_") || List.of("PATH", "HOME", "LANG", "JAVA_HOME").contains(name)) {
                    env.put(name, entry.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the server's environment", e);
        }
        env.put("MEDIAMILL_SKIP_BUILD", "true");
        return env;
    }

    private void launcher(String command, Duration timeout) {
        Path log = home.resolveSibling(home.getFileName() + "-launcher.log");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MEDIAMILL_"));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./mediamill " + command + " took longer than " + timeout);
            }
            if (process.exitValue() != 0) {
                List<String> said = Files.readAllLines(log);
                throw new IllegalStateException("./mediamill " + command + " failed (" + log + "), ending with:\n"
                        + String.join("\n", said.subList(Math.max(0, said.size() - 10), said.size())));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the launcher", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
