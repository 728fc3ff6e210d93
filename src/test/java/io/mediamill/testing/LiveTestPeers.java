package io.mediamill.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live relay tests' peers, all on loopback: Debian's nginx with its RTMP module (cameras publish to it, relays
 * push to it), GStreamer's RTSP server (it serves what an RTP camera sends it), ffmpeg test patterns as cameras, and
 * a TCP port that accepts connections and never says a word. Ports from {@code mediamill.it.livePort} on.
 */
public final class LiveTestPeers implements AutoCloseable {

    private static final Path WORK = Path.of(System.getProperty("mediamill.it.work", "target/it-media"), "live");
    private static final Path RTSP_SERVER = Path.of(System.getProperty("user.dir"), "src", "test", "resources", "live",
            "rtsp-camera-server.py");
    private static final String RTMP_MODULE = "/usr/lib/nginx/modules/ngx_rtmp_module.so";

    /** An RTSP mount: its path, the UDP port its camera sends RTP to, and the codec. */
    public record RtspMount(String path, int udpPort, String codec) {
    }

    private final int basePort;
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final List<ServerSocket> silentSockets = new CopyOnWriteArrayList<>();
    private final List<Socket> heldConnections = new CopyOnWriteArrayList<>();

    public LiveTestPeers() {
        this.basePort = Integer.getInteger("mediamill.it.livePort", 18170);
    }

    public int rtmpPort() {
        return basePort;
    }

    public int rtspPort() {
        return basePort + 1;
    }

    public String rtmpUrl(String key) {
        return "rtmp://127.0.0.1:" + rtmpPort() + "/live/" + key;
    }

    public String rtspUrl(String mount) {
        return "rtsp://127.0.0.1:" + rtspPort() + "/" + mount;
    }

    /** nginx-rtmp: application {@code live} takes publishers and players of any stream key. */
    public void startRtmpServer() throws IOException, InterruptedException {
        Path dir = WORK.resolve("nginx-rtmp");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("nginx.conf"), "load_module " + RTMP_MODULE + ";\n"
                + "pid nginx.pid;\nerror_log error.log info;\nevents {}\n"
                + "rtmp { server { listen 127.0.0.1:" + rtmpPort() + "; application live { live on; record off; } } }\n");
        if (!Files.exists(Path.of(RTMP_MODULE))) {
            throw new IllegalStateException("nginx's RTMP module is not installed (./mediamill test installs libnginx-mod-rtmp)");
        }
        start(dir, new ProcessBuilder(LoopbackNginx.nginx(), "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(),
                "-g", "daemon off;"), "nginx-rtmp");
        awaitListening(rtmpPort());
    }

    /** GStreamer's RTSP server with the given mounts; each is fed by a camera sending RTP to its UDP port. */
    public void startRtspServer(RtspMount... mounts) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/python3", RTSP_SERVER.toString(), String.valueOf(rtspPort())));
        for (RtspMount mount : mounts) {
            argv.add(mount.path() + ":" + mount.udpPort() + ":" + mount.codec());
        }
        start(WORK.resolve("rtsp"), new ProcessBuilder(argv), "rtsp-server");
        awaitListening(rtspPort());
    }

    /** A camera: a 640x360 test pattern at 25 fps, a key frame a second, with a tone, published to nginx-rtmp. */
    public Process rtmpCamera(String key) throws IOException {
        return rtmpCamera(key, "null");
    }

    /**
     * A camera whose picture is all white for the first second of every ten, counted from its first frame: a player
     * that sees a flash at wall-clock time t shows what the camera sent at the last ten-second mark before t.
     */
    public FlashingCamera flashingRtmpCamera(String key) throws IOException {
        Instant started = Instant.now();
        return new FlashingCamera(rtmpCamera(key, "drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='lt(mod(t,10),1)'"), started);
    }

    /** A flashing camera's process, and when it was started: its first frame is no earlier. */
    public record FlashingCamera(Process process, Instant started) {
    }

    private Process rtmpCamera(String key, String filter) throws IOException {
        return start(WORK.resolve("cameras"), new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-vf", filter, "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "64k", "-f", "flv", rtmpUrl(key)), "camera-" + key);
    }

    /** A camera sending RTP (H.264 or H.265, no audio) to an RTSP mount's UDP port. */
    public Process rtpCamera(RtspMount mount) throws IOException {
        return rtpCamera(mount, false);
    }

    /**
     * A camera sending RTP to an RTSP mount's UDP port; with {@code bFrames}, its H.264 has B-frames, as some
     * cameras' High profile has, and its packets reach the relay without timestamps it can copy.
     */
    public Process rtpCamera(RtspMount mount, boolean bFrames) throws IOException {
        List<String> encoder = mount.codec().equals("h265")
                ? List.of("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error:keyint=25:repeat-headers=1")
                : bFrames ? List.of("-c:v", "libx264", "-preset", "veryfast", "-bf", "2", "-g", "25")
                : List.of("-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25");
        List<String> argv = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25"));
        argv.addAll(encoder);
        argv.addAll(List.of("-pix_fmt", "yuv420p", "-f", "rtp", "rtp://127.0.0.1:" + mount.udpPort()));
        return start(WORK.resolve("cameras"), new ProcessBuilder(argv), "camera-" + mount.path());
    }

    /** A port that accepts connections and never answers: a camera that hangs. Returns its port. */
    public int silentServer() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        silentSockets.add(socket);
        Thread accepting = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    heldConnections.add(socket.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-camera");
        accepting.setDaemon(true);
        accepting.start();
        return socket.getLocalPort();
    }

    /** Kills a camera (or a server, with its workers: nginx's would hold its port) at once, as a power cut would. */
    public static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.onExit().join();
        children.forEach(ProcessHandle::destroyForcibly);
        children.forEach(child -> child.onExit().join());
    }

    private Process start(Path dir, ProcessBuilder builder, String name) throws IOException {
        Files.createDirectories(dir);
        Process process = builder.directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    private static void awaitListening(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nothing listens on 127.0.0.1:" + port + " (see " + WORK + ")");
    }

    @Override
    public void close() {
        processes.forEach(LiveTestPeers::kill);
        for (Socket connection : heldConnections) {
            try {
                connection.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (ServerSocket socket : silentSockets) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
