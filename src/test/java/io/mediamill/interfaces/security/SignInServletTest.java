package io.mediamill.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where the sign-in form sends the browser afterwards: only ever a path of this site. */
class SignInServletTest {

    @Test
    void keepsLocalPathsWithTheirQuery() {
        assertEquals("/watch.jsp?id=abc-123", SignInServlet.safeNext("/watch.jsp?id=abc-123"));
        assertEquals("/library.jsp", SignInServlet.safeNext("/library.jsp"));
    }

    @Test
    void sendsEverythingElseHome() {
        for (String next : new String[] {null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example",
                "javascript:alert(1)", "/login?next=/", "/x\"><script>", "relative/path"}) {
            assertEquals("/", SignInServlet.safeNext(next), next);
        }
    }
}
