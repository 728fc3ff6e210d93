package io.mediamill.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.BrowserSession;
import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.RawHttp;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Signing in, over HTTP against the deployed WAR: anonymous callers, HTTP Basic, API tokens, the session cookie
 * with and without its CSRF token, throttled failures, trusted proxies and cross-origin rules.
 */
class SecurityIT {

    private final MediamillClient admin = new MediamillClient();

    @Test
    void anonymousApiCallsGet401ProblemWithAChallenge() {
        HttpResponse<String> answer = MediamillClient.anonymous().get("/api/videos");

        assertEquals(401, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(401, MediamillClient.json(answer.body()).getInt("status"));
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElseThrow());
        List<String> challenges = answer.headers().allValues("WWW-Authenticate");
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Bearer")), challenges.toString());
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Basic")), challenges.toString());
        // The pages' own scripts get no Basic challenge (it would open the browser's password dialog).
        assertTrue(MediamillClient.anonymous().get("/api/videos", "X-Requested-With", "mediamill").headers()
                .allValues("WWW-Authenticate").stream().noneMatch(c -> c.startsWith("Basic")));
    }

    @Test
    void anonymousPageVisitsGoToTheSignInPageAndComeBack() {
        BrowserSession browser = new BrowserSession();
        HttpResponse<String> library = browser.get("/library.jsp?x=1");

        assertEquals(302, library.statusCode());
        assertTrue(library.headers().firstValue("Location").orElseThrow().endsWith("/login?next=%2Flibrary.jsp%3Fx%3D1"));
        HttpResponse<String> form = browser.get("/login?next=%2Flibrary.jsp%3Fx%3D1");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("value=\"/library.jsp?x=1\""), form.body());

        HttpResponse<String> signedIn = browser.signIn("admin", MediamillClient.adminPassword(), "/library.jsp?x=1");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.headers().firstValue("Location").orElseThrow().endsWith("/library.jsp?x=1"));
        HttpResponse<String> page = browser.get("/library.jsp");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Signed in as <strong>admin</strong>"), page.body());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow(), "no other site frames our pages");
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void signInRefusesWrongPasswordsAndFormsWithoutToken() {
        MediamillClient user = MediamillClient.newUser("form", "uploader");
        BrowserSession browser = new BrowserSession();

        HttpResponse<String> wrong = browser.signIn(user.username(), "not-the-password", "/");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Wrong user name or password."), wrong.body());

        HttpResponse<String> forged = new BrowserSession().postForm("/login",
                Map.of("username", "admin", "password", MediamillClient.adminPassword(), "next", "/"));
        assertEquals(403, forged.statusCode(), "a sign-in form posted from elsewhere has no token");
        assertTrue(forged.body().contains("The form had expired"));
    }

    @Test
    void httpBasicSignsInEveryRequest() {
        HttpResponse<String> me = MediamillClient.anonymous().get("/api/me",
                "Authorization", MediamillClient.basic("admin", MediamillClient.adminPassword()));

        assertEquals(200, me.statusCode(), me.body());
        JsonObject body = MediamillClient.json(me.body());
        assertEquals("admin", body.getString("username"));
        assertEquals(List.of("uploader", "operator"), body.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());

        HttpResponse<String> wrong = MediamillClient.anonymous().get("/api/me",
                "Authorization", MediamillClient.basic("admin", "wrong-password-1"));
        assertEquals(401, wrong.statusCode());
        assertEquals("application/problem+json", wrong.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void apiTokensAreShownOnceListedWithoutSecretAndRevocable() {
        MediamillClient user = MediamillClient.newUser("tokens", "uploader");
        HttpResponse<String> issued = user.sendJson("POST", "/api/tokens", "{\"name\":\"ci\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        JsonObject token = MediamillClient.json(issued.body());
        String id = token.getString("id");
        String secret = token.getString("token");
        assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElseThrow());

        assertEquals(200, MediamillClient.anonymous().get("/api/me", "Authorization", "Bearer " + secret).statusCode());
        String listed = user.get("/api/tokens").body();
        assertTrue(listed.contains(id) && listed.contains("\"ci\""), listed);
        assertFalse(listed.contains(secret), "the token itself is never shown again");
        assertEquals(404, admin.delete("/api/tokens/" + id).statusCode(), "only its owner revokes it");

        assertEquals(204, user.delete("/api/tokens/" + id).statusCode());
        assertEquals(401, MediamillClient.anonymous().get("/api/me", "Authorization", "Bearer " + secret).statusCode());
        assertEquals(401, MediamillClient.anonymous().get("/api/me", "Authorization", "Bearer mm_made-up").statusCode());
    }

    @Test
    void sessionRequestsThatChangeThingsNeedTheCsrfToken() {
        BrowserSession browser = new BrowserSession();
        browser.get("/login");
        String before = browser.sessionCookie();
        assertEquals(302, browser.signIn("admin", MediamillClient.adminPassword(), "/").statusCode());
        assertNotEquals(before, browser.sessionCookie(), "a new session id at sign-in");

        assertEquals(200, browser.send("GET", "/api/me", null).statusCode(), "reading needs no token");
        HttpResponse<String> forged = browser.send("POST", "/api/tokens", "{}");
        assertEquals(403, forged.statusCode());
        assertTrue(MediamillClient.json(forged.body()).getString("detail").contains("CSRF"), forged.body());
        assertEquals(403, browser.send("POST", "/api/tokens", "{}", "X-CSRF-Token", "guess").statusCode());
        assertEquals(201, browser.send("POST", "/api/tokens", "{}", "X-CSRF-Token", browser.pageToken()).statusCode());

        // Basic and Bearer requests carry no cookie a browser would add by itself: no token needed.
        assertEquals(201, admin.sendJson("POST", "/api/tokens", "{}").statusCode());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        String cookie = new BrowserSession().get("/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();

        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
    }

    @Test
    void signingOutEndsTheSession() {
        BrowserSession browser = new BrowserSession();
        browser.signIn("admin", MediamillClient.adminPassword(), "/");
        String token = BrowserSession.formToken(browser.get("/"));

        assertEquals(403, browser.postForm("/logout", Map.of()).statusCode(), "signing out needs the token too");
        HttpResponse<String> out = browser.postForm("/logout", Map.of("_csrf", token));
        assertEquals(302, out.statusCode());
        assertTrue(out.headers().firstValue("Location").orElseThrow().endsWith("/login?signedOut"));
        assertEquals(401, browser.send("GET", "/api/me", null).statusCode());
        assertEquals(302, browser.get("/").statusCode());
    }

    @Test
    void failedSignInsOfOneUserAreThrottledEvenForTheRightPassword() {
        String name = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "right-" + UUID.randomUUID();
        admin.createUser(name, password, "uploader");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, MediamillClient.anonymous().get("/api/me", "Authorization",
                    MediamillClient.basic(name, "wrong-" + i)).statusCode());
        }

        HttpResponse<String> held = MediamillClient.anonymous().get("/api/me", "Authorization", MediamillClient.basic(name, password));

        assertEquals(429, held.statusCode(), held.body());
        long retryAfter = Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 300, "until the window ends: " + retryAfter);
        assertEquals("application/problem+json", held.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void failedSignInsFromOneAddressAreThrottledAcrossNamesBehindATrustedProxy() {
        Map<String, String> spray = Map.of("X-Forwarded-For", "198.51.100.23");
        for (int i = 0; i < 20; i++) {
            assertEquals(401, RawHttp.send("127.0.0.2", "GET", "/api/me", withBasic(spray, "nobody-" + i, "guess-" + i)).status());
        }
        RawHttp.Answer held = RawHttp.send("127.0.0.2", "GET", "/api/me", withBasic(spray, "admin", MediamillClient.adminPassword()));
        assertEquals(429, held.status());
        assertTrue(held.headers().containsKey("retry-after"));

        // The same header from a connection that is no trusted proxy is ignored: that client is itself.
        RawHttp.Answer direct = RawHttp.send("127.0.0.1", "GET", "/api/me", withBasic(spray, "admin", MediamillClient.adminPassword()));
        assertEquals(200, direct.status());
        RawHttp.Answer otherClient = RawHttp.send("127.0.0.2", "GET", "/api/me",
                withBasic(Map.of("X-Forwarded-For", "198.51.100.24"), "admin", MediamillClient.adminPassword()));
        assertEquals(200, otherClient.status());
    }

    @Test
    void forwardedHostAndProtoCountOnlyFromTrustedProxies() {
        Map<String, String> forwarded = Map.of("Authorization", admin.authorization(), "Tus-Resumable", "1.0.0",
                "Upload-Length", "1000", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "media.example.org");

        RawHttp.Answer direct = RawHttp.send("127.0.0.1", "POST", "/api/uploads", forwarded);
        RawHttp.Answer proxied = RawHttp.send("127.0.0.2", "POST", "/api/uploads", forwarded);

        assertEquals(201, direct.status());
        assertTrue(direct.headers().get("location").startsWith(admin.baseUrl() + "/api/uploads/"), direct.headers().toString());
        assertEquals(201, proxied.status());
        assertTrue(proxied.headers().get("location").startsWith("https://media.example.org/api/uploads/"), proxied.headers().toString());
        for (String location : List.of(direct.headers().get("location"), proxied.headers().get("location"))) {
            admin.sendJson("DELETE", "/api/uploads/" + location.substring(location.lastIndexOf('/') + 1), null, "Tus-Resumable", "1.0.0");
        }
    }

    @Test
    void onlyConfiguredOriginsMayCallAcrossOrigins() {
        String allowed = "http://127.0.0.1:" + System.getProperty("mediamill.it.corsPort");
        HttpResponse<String> preflight = MediamillClient.anonymous().sendJson("OPTIONS", "/api/uploads", null,
                "Origin", allowed, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,tus-resumable,upload-length");
        assertEquals(204, preflight.statusCode());
        assertEquals(allowed, preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Authorization"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), "never with our cookies");

        HttpResponse<String> refused = MediamillClient.anonymous().sendJson("OPTIONS", "/api/uploads", null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> read = admin.get("/api/videos", "Origin", "https://evil.example");
        assertEquals(200, read.statusCode());
        assertNull(read.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "an Origin is never reflected");
        assertEquals(allowed, admin.get("/api/videos", "Origin", allowed).headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    }

    @Test
    void theFirstAdminsConfiguredPasswordLeavesNoPasswordFile() {
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("mediamill.it.home"), "admin-password")),
                "MEDIAMILL_ADMIN_PASSWORD was given: nothing generated, nothing written");
    }


    @Test
    void aPathThatClimbsOutOfAnOpenFolderReachesNothing() {
        for (String path : List.of("/static/../users.jsp", "/static/%2e%2e/users.jsp", "/media/../console")) {
            RawHttp.Answer answer = RawHttp.send("127.0.0.1", "GET", path, Map.of());
            assertEquals(400, answer.status(), path);
        }
    }
    private static Map<String, String> withBasic(Map<String, String> headers, String user, String password) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Authorization", MediamillClient.basic(user, password));
        return all;
    }
}
