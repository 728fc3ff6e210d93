package io.mediamill.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The container files, without a Docker engine: the compose file against the Compose Specification (Debian's
 * docker-compose validates it) and read for its wiring; the Dockerfiles through a linter (dockerfile-utils) and
 * read for what operators rely on. Each validator is also shown a broken file, so that a pass means something.
 */
class ContainerFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    private static final Path LINTER = ROOT.resolve("src/test/node/node_modules/.bin/dockerfile-utils");

    @TempDir
    Path scratch;

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws Exception {
        Result valid = run(dockerCompose(), "-f", COMPOSE.toString(), "config", "-q");
        assertEquals(0, valid.exit(), valid.output());

        Path broken = DOCKER.resolve("compose.broken-for-test.yaml");
        try {
            Files.writeString(broken, Files.readString(COMPOSE).replace("    restart: unless-stopped\n    command:",
                    "    restart: unless-stopped\n    restart_policy: always\n    command:"));
            Result invalid = run(dockerCompose(), "-f", broken.toString(), "config", "-q");
            assertNotEquals(0, invalid.exit(), "an unknown service key must not pass");
            assertTrue(invalid.output().contains("restart_policy"), invalid.output());
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStackIsTwoNodesWithVolumesOfTheirOwnSyncingAndTrustingNginxOnly() throws Exception {
        Result config = run(dockerCompose(), "-f", COMPOSE.toString(), "config");
        assertEquals(0, config.exit(), config.output());
        Map<String, Object> stack = new Yaml().load(config.stdout());
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) stack.get("services");
        assertEquals(Set.of("mariadb", "node-a", "node-b", "nginx"), services.keySet());

        String nginxAddress = ((Map<String, Map<String, String>>) services.get("nginx").get("networks"))
                .get("mediamill").get("ipv4_address");
        List<String> mediaVolumes = new ArrayList<>();
        for (String name : List.of("node-a", "node-b")) {
            Map<String, Object> node = services.get(name);
            Map<String, String> environment = (Map<String, String>) node.get("environment");
            assertEquals(name, environment.get("MEDIAMILL_NODE_NAME"));
            String other = name.equals("node-a") ? "node-b" : "node-a";
            assertEquals(other + "=rsync://" + other + ":" + environment.get("MEDIAMILL_RSYNC_PORT") + "/media",
                    environment.get("MEDIAMILL_PEERS"));
            assertEquals(nginxAddress, environment.get("MEDIAMILL_TRUSTED_PROXIES"), "forwarded headers from nginx only");
            assertTrue(environment.get("MEDIAMILL_DB_URL").startsWith("jdbc:mariadb://mariadb:3306/"));
            assertTrue(environment.keySet().containsAll(Set.of("MEDIAMILL_ADMIN_PASSWORD_FILE", "MEDIAMILL_DB_PASSWORD_FILE",
                    "MEDIAMILL_RSYNC_SECRET_FILE")), "secrets come as files: " + environment.keySet());
            assertTrue(environment.keySet().stream().noneMatch(Set.of("MEDIAMILL_ADMIN_PASSWORD", "MEDIAMILL_DB_PASSWORD",
                    "MEDIAMILL_RSYNC_SECRET")::contains), "no secret in the environment itself");
            for (Object volume : (List<Object>) node.get("volumes")) {
                // "source:target[:mode]", or the long form's map, as docker-compose writes it out.
                String[] parts = volume instanceof Map<?, ?> map
                        ? new String[] {String.valueOf(map.get("source")), String.valueOf(map.get("target"))}
                        : String.valueOf(volume).split(":");
                if (parts[1].equals("/srv/media")) {
                    mediaVolumes.add(parts[0]);
                }
            }
        }
        assertEquals(2, Set.copyOf(mediaVolumes).size(), "each node has a media volume of its own: " + mediaVolumes);

        List<Object> published = (List<Object>) services.get("nginx").get("ports");
        assertEquals(1, published.size(), "only nginx is published: " + published);
        assertTrue(services.get("node-a").get("ports") == null && services.get("mariadb").get("ports") == null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wildfly", "payara"})
    void theDockerfilePassesTheLinter(String server) throws Exception {
        Result lint = run(linter(), "lint", DOCKER.resolve(server).resolve("Dockerfile").toString());
        assertEquals(0, lint.exit(), lint.output());

        Path broken = scratch.resolve("Dockerfile");
        Files.writeString(broken, Files.readString(DOCKER.resolve(server).resolve("Dockerfile")).replace("EXPOSE 8080 8730",
                "EXPOSE 8080/tcpx"));
        Result refused = run(linter(), "lint", broken.toString());
        assertNotEquals(0, refused.exit(), "a bad port protocol must not pass");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wildfly", "payara"})
    void theImageRunsTheLauncherAsAnOrdinaryUserWithAHealthCheckAndItsDataInVolumes(String server) throws Exception {
        List<String> lines = Files.readAllLines(DOCKER.resolve(server).resolve("Dockerfile"));
        String user = lines.stream().filter(line -> line.startsWith("USER ")).reduce((first, last) -> last).orElseThrow();
        assertEquals("USER mediamill", user);
        assertTrue(lines.stream().anyMatch(line -> line.contains("MEDIAMILL_SERVER=" + server)));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("HEALTHCHECK ")));
        assertTrue(lines.stream().anyMatch(line -> line.contains("/api/health")));
        assertTrue(lines.contains("VOLUME [\"/var/lib/mediamill\", \"/srv/media\"]"));
        assertTrue(lines.contains("ENTRYPOINT [\"/usr/bin/tini\", \"--\", \"/opt/mediamill/mediamill\", \"run\"]"));
        assertTrue(lines.stream().anyMatch(line -> line.contains("./mediamill provision")), "the image's server "
                + "comes from the launcher, as on a machine");
    }

    private static String dockerCompose() {
        return onPath("docker-compose", "./mediamill test installs Debian's docker-compose");
    }

    private static String linter() {
        assumeTrue(Files.isExecutable(LINTER), "./mediamill test installs dockerfile-utils (npm, src/test/node)");
        return LINTER.toString();
    }

    private static String onPath(String program, String hint) {
        Path found = Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(found != null, hint);
        return found.toString();
    }

    /** What a validator said: its exit value, its standard output, and the two together for messages. */
    private record Result(int exit, String stdout, String output) {
    }

    private Result run(String... command) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile(scratch, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(DOCKER.toFile())
                .redirectError(stderr.toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over a minute");
        }
        return new Result(process.exitValue(), stdout, stdout + Files.readString(stderr));
    }
}
