package io.mediamill.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Talks to the deployed service over HTTP, as any client would, signed in with an API token: by default as
 * the administrator (whose password the test server was started with), or as any user a test creates.
 */
public final class MediamillClient {

    private static final String DEFAULT_BASE_URL = System.getProperty("mediamill.baseUrl", "http://127.0.0.1:8080");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static volatile String adminToken;

    private final String baseUrl;
    private final String token;
    private final HttpClient http = HTTP;
    /** HTTP Basic credentials sent with every request instead of a token, when set. */
    private String basic;

    /** Signed in as the administrator. */
    public MediamillClient() {
        this(DEFAULT_BASE_URL, adminToken());
    }

    private MediamillClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same credentials against another node sharing this one's database. */
    public MediamillClient at(String otherBaseUrl) {
        MediamillClient other = new MediamillClient(otherBaseUrl, token).named(username);
        other.basic = basic;
        return other;
    }

    /** Sends no credentials at all. */
    public static MediamillClient anonymous() {
        return new MediamillClient(DEFAULT_BASE_URL, null);
    }

    /** Signed in as that user (HTTP Basic once, to issue an API token, then the token). */
    public static MediamillClient signedInAs(String username, String password) {
        return new MediamillClient(DEFAULT_BASE_URL, issueToken(username, password));
    }

    /**
     * Signed in as that user with HTTP Basic on every request, never a token: the service remembers verified
     * credentials for a while, so such a client gets past sign-in even while the database is away.
     */
    public static MediamillClient basicAs(String username, String password) {
        MediamillClient client = new MediamillClient(DEFAULT_BASE_URL, null).named(username);
        client.basic = basic(username, password);
        return client;
    }

    /** A new user with these roles (created by the administrator), signed in. Names are unique per call. */
    public static MediamillClient newUser(String namePrefix, String... roles) {
        String username = namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        new MediamillClient().createUser(username, password, roles);
        return signedInAs(username, password).named(username);
    }

    private String username;

    private MediamillClient named(String name) {
        this.username = name;
        return this;
    }

    /** The user this client is signed in as, when it made that user itself. */
    public String username() {
        return username;
    }

    /** POST /api/users as this client; fails unless 201. */
    public void createUser(String username, String password, String... roles) {
        String body = Json.createObjectBuilder().add("username", username).add("password", password)
                .add("roles", Json.createArrayBuilder(List.of(roles))).build().toString();
        HttpResponse<String> created = sendJson("POST", "/api/users", body);
        if (created.statusCode() != 201) {
            throw new AssertionError("creating user " + username + " answered " + created.statusCode() + ": " + created.body());
        }
    }

    public static String adminPassword() {
        return System.getProperty("mediamill.it.adminPassword", "mediamill-admin-password");
    }

    private static String adminToken() {
        if (adminToken == null) {
            synchronized (MediamillClient.class) {
                if (adminToken == null) {
                    adminToken = issueToken("admin", adminPassword());
                }
            }
        }
        return adminToken;
    }

    private static String issueToken(String username, String password) {
        HttpResponse<String> issued = new MediamillClient(DEFAULT_BASE_URL, null).send(
                HttpRequest.newBuilder(URI.create(DEFAULT_BASE_URL + "/api/tokens")).timeout(Duration.ofSeconds(60))
                        .header("Authorization", basic(username, password))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"tests\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new AssertionError("signing in as " + username + " answered " + issued.statusCode() + ": " + issued.body());
        }
        return json(issued.body()).getString("token");
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The API token this client signs its requests with (null when anonymous). */
    public String token() {
        return token;
    }

    /** The Authorization header value this client sends, for tests that build their own requests. */
    public String authorization() {
        return basic != null ? basic : token == null ? null : "Bearer " + token;
    }

    /** Any request with a JSON body (or none when {@code json} is null). */
    public HttpResponse<String> sendJson(String method, String path, String json, String... headers) {
        if (json == null) {
            return send(method, path, HttpRequest.BodyPublishers.noBody(), headers);
        }
        String[] withType = Arrays.copyOf(headers, headers.length + 2);
        withType[headers.length] = "Content-Type";
        withType[headers.length + 1] = "application/json";
        return send(method, path, HttpRequest.BodyPublishers.ofString(json), withType);
    }

    /** POST /api/videos with the file in part "file" (under the given client file name) and an optional title. */
    public HttpResponse<String> upload(Path file, String fileName, String title) {
        Map<String, String> fields = title == null ? Map.of() : Map.of("title", title);
        return uploadForm(fields, Map.of("file", file), fileName);
    }

    /** Uploads and returns the new video's id, failing unless the answer is 201. */
    public String uploadVideo(Path file, String title) {
        HttpResponse<String> response = upload(file, file.getFileName().toString(), title);
        if (response.statusCode() != 201) {
            throw new AssertionError("upload answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).getString("id");
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<Void> head(String path, String... headers) {
        return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Any request: {@code body} may be null for none; {@code headers} are name, value pairs. */
    public HttpResponse<String> call(String method, String path, byte[] body, String... headers) {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body),
                headers);
    }

    public HttpResponse<String> post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads a server-sent event stream to its end and returns its {@code data:} payloads as JSON. */
    public List<JsonObject> events(String path) {
        HttpRequest request = authorized(HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(3)).GET()).build();
        HttpResponse<java.util.stream.Stream<String>> response = send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        try (java.util.stream.Stream<String> lines = response.body()) {
            return lines.filter(line -> line.startsWith("data:")).map(line -> json(line.substring(5).strip())).toList();
        }
    }

    /** Uploads a multipart form of text fields and files (name → path) and returns the answer. */
    public HttpResponse<String> uploadForm(Map<String, String> fields, Map<String, Path> files) {
        return uploadForm(fields, files, null);
    }

    /** The same, with the video ("file" part) sent under a client file name of the caller's choice. */
    private HttpResponse<String> uploadForm(Map<String, String> fields, Map<String, Path> files,
                                            String videoFileName) {
        String boundary = "----mediamill-" + UUID.randomUUID();
        List<byte[]> body = new ArrayList<>();
        fields.forEach((name, value) -> body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, file) -> {
            String fileName = name.equals("file") && videoFileName != null ? videoFileName : file.getFileName().toString();
            body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.add(read(file));
            body.add("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = authorized(HttpRequest.newBuilder(uri("/api/videos")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body))
                .build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a slideshow composition: text fields, then file parts in the order given (a part name may repeat, as
     * {@code image} does), each under its file's name.
     */
    public HttpResponse<String> compose(Map<String, String> fields, List<Map.Entry<String, Path>> files) {
        String boundary = "----mediamill-" + UUID.randomUUID();
        List<byte[]> body = new ArrayList<>();
        fields.forEach((name, value) -> body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, Path> file : files) {
            body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
                    + file.getValue().getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.add(read(file.getValue()));
            body.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = authorized(HttpRequest.newBuilder(uri("/api/compositions")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body))
                .build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Any request: a method, a body and headers (name, value, name, value...). */
    public HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(request(path, headers).method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonObject video(String id) {
        HttpResponse<String> response = get("/api/videos/" + id);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET video " + id + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    /** Polls the video until its status is one of {@code statuses}; fails with the last state after the timeout. */
    public JsonObject awaitStatus(String id, Set<String> statuses, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject video = video(id);
        while (!statuses.contains(video.getString("status"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("video " + id + " did not reach " + statuses + " within " + timeout + ": " + video);
            }
            Await.pause(250);
            video = video(id);
        }
        return video;
    }

    public JsonObject awaitFinished(String id) {
        return awaitStatus(id, Set.of("READY", "FAILED"), Duration.ofMinutes(3));
    }

    /** Waits for processing to end and fails unless the video became READY. */
    public JsonObject awaitReady(String id) {
        JsonObject video = awaitFinished(id);
        if (!"READY".equals(video.getString("status"))) {
            throw new AssertionError("video " + id + " is not READY: " + video);
        }
        return video;
    }

    /** Downloads a URL path of the service to a file. */
    public Path download(String path, Path target) {
        HttpResponse<Path> response = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return target;
    }

    public static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** A request to the service, signed in unless the caller sends an Authorization header of its own. */
    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        boolean ownAuthorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
            ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        return ownAuthorization ? builder : authorized(builder);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        String authorization = authorization();
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
