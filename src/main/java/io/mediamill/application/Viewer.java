package io.mediamill.application;

/**
 * Who asks for a video's media: the signed-in user's name and whether they operate the service, or nobody.
 * The web layer builds it from the request, so the application decides without knowing about servlets.
 */
public record Viewer(String name, boolean operator) {

    public static final Viewer ANONYMOUS = new Viewer(null, false);

    public boolean signedIn() {
        return name != null;
    }
}
