package io.mediamill.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does with the pages, without the browser: keeps cookies, reads the CSRF token from the form or
 * the page header, posts forms, and never follows redirects on its own so tests can see them.
 */
public final class BrowserSession {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern PAGE_TOKEN = Pattern.compile("data-csrf-token=\"([^\"]*)\"");

    private final String baseUrl = new MediamillClient().baseUrl();
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** Opens the sign-in form and posts it; returns the answer to the post (a redirect when it worked). */
    public HttpResponse<String> signIn(String username, String password, String next) {
        String token = formToken(get("/login"));
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", token,
                "next", next == null ? "/" : next));
    }

    /** The CSRF token in a page's sign-in or sign-out form. */
    public static String formToken(HttpResponse<String> page) {
        Matcher matcher = FORM_TOKEN.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page: " + page.body());
        }
        return matcher.group(1);
    }

    /** The token the signed-in pages hand their scripts. */
    public String pageToken() {
        Matcher matcher = PAGE_TOKEN.matcher(get("/").body());
        if (!matcher.find() || matcher.group(1).isEmpty()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return matcher.group(1);
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equalsIgnoreCase("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request as the pages' scripts send it: with the cookie, and with these extra headers. */
    public HttpResponse<String> send(String method, String path, String json, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
