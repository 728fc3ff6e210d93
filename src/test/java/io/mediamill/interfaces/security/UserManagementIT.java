package io.mediamill.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.BrowserSession;
import io.mediamill.testing.MediamillClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Operators manage users through /api/users and the users page; nobody else can. */
class UserManagementIT {

    private final MediamillClient admin = new MediamillClient();

    @Test
    void operatorsCreateChangeDisableAndDeleteUsers() {
        String name = "managed-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "first-" + UUID.randomUUID();
        HttpResponse<String> created = admin.sendJson("POST", "/api/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\"uploader\"]}");
        assertEquals(201, created.statusCode(), created.body());
        // Jersey (Payara) makes the Location absolute, as JAX-RS has it resolve relative ones; RESTEasy sends it as given.
        assertEquals("/api/users/" + name, URI.create(created.headers().firstValue("Location").orElseThrow()).getPath());
        JsonObject user = MediamillClient.json(created.body());
        assertEquals(name, user.getString("username"));
        assertTrue(!created.body().contains("password"), "no password or hash in the answer");
        assertTrue(admin.get("/api/users").body().contains("\"" + name + "\""));

        MediamillClient signedIn = MediamillClient.signedInAs(name, password);
        assertEquals(403, signedIn.get("/api/users").statusCode(), "uploaders do not manage users");
        assertEquals(200, signedIn.get("/api/users/" + name).statusCode(), "but may read their own record");

        String newPassword = "second-" + UUID.randomUUID();
        HttpResponse<String> changed = admin.sendJson("PATCH", "/api/users/" + name,
                "{\"roles\":[\"uploader\",\"operator\"],\"password\":\"" + newPassword + "\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(200, signedIn.get("/api/users").statusCode(), "the new role counts at once, even for an old token");
        assertEquals(401, MediamillClient.anonymous().get("/api/me", "Authorization", MediamillClient.basic(name, password)).statusCode());
        assertEquals(200, MediamillClient.anonymous().get("/api/me", "Authorization", MediamillClient.basic(name, newPassword)).statusCode());

        assertEquals(200, admin.sendJson("PATCH", "/api/users/" + name, "{\"disabled\":true}").statusCode());
        assertEquals(401, signedIn.get("/api/me").statusCode(), "a disabled user's tokens stop working");

        assertEquals(204, admin.delete("/api/users/" + name).statusCode());
        assertEquals(404, admin.get("/api/users/" + name).statusCode());
        assertEquals(404, admin.delete("/api/users/" + name).statusCode());
    }

    @Test
    void badUserRequestsGetClearProblems() {
        String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        assertProblem(422, "at least 10", admin.sendJson("POST", "/api/users",
                "{\"username\":\"" + name + "\",\"password\":\"short\"}"));
        assertProblem(422, "most commonly used", admin.sendJson("POST", "/api/users",
                "{\"username\":\"" + name + "\",\"password\":\"1234567890\"}"));
        assertProblem(400, "Unknown role", admin.sendJson("POST", "/api/users",
                "{\"username\":\"" + name + "\",\"password\":\"a-fine-password-1\",\"roles\":[\"root\"]}"));
        assertProblem(400, "Unknown field", admin.sendJson("POST", "/api/users",
                "{\"username\":\"" + name + "\",\"password\":\"a-fine-password-1\",\"isAdmin\":true}"));
        assertProblem(400, "not valid JSON", admin.sendJson("POST", "/api/users", "{\"username\": \"" + name));
        assertProblem(415, "does not take text/plain", admin.call("POST", "/api/users",
                "username=x".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "text/plain"));
        assertProblem(400, "user name", admin.sendJson("POST", "/api/users",
                "{\"username\":\"../etc\",\"password\":\"a-fine-password-1\"}"));
        assertEquals(201, admin.sendJson("POST", "/api/users", "{\"username\":\"" + name + "\",\"password\":\"a-fine-password-1\"}").statusCode());
        assertProblem(409, "already", admin.sendJson("POST", "/api/users", "{\"username\":\"" + name + "\",\"password\":\"a-fine-password-1\"}"));
        assertProblem(409, "themselves", admin.delete("/api/users/admin"));
        assertProblem(409, "themselves", admin.sendJson("PATCH", "/api/users/admin", "{\"roles\":[\"uploader\"]}"));
    }

    @Test
    void theUsersPageIsForOperatorsOnly() {
        BrowserSession operator = new BrowserSession();
        operator.signIn("admin", MediamillClient.adminPassword(), "/");
        HttpResponse<String> page = operator.get("/users.jsp");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"new-user\""));
        assertTrue(operator.get("/").body().contains("/users.jsp"), "operators see the link");

        String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "page-" + UUID.randomUUID();
        admin.createUser(name, password, "uploader");
        BrowserSession uploader = new BrowserSession();
        uploader.signIn(name, password, "/");
        assertEquals(403, uploader.get("/users.jsp").statusCode());
        assertTrue(!uploader.get("/").body().contains("/users.jsp"), "uploaders do not");
    }

    private static void assertProblem(int status, String words, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(MediamillClient.json(answer.body()).getString("detail").contains(words), answer.body());
    }
}
