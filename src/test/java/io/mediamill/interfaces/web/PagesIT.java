package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The pages as HTML: what the server renders, escaped, and the scripts they load. */
class PagesIT {

    private final MediamillClient client = new MediamillClient();

    @Test
    void uploadPageHasTheDropZoneAndTheResumableClient() {
        HttpResponse<String> page = client.get("/");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"drop-zone\""));
        assertTrue(page.body().contains("id=\"file-input\" type=\"file\""));
        assertTrue(page.body().contains("/vendor/tus-js-client/tus.min.js"));
        assertEquals(200, client.get("/vendor/tus-js-client/tus.min.js").statusCode());
        assertEquals(200, client.get("/vendor/hls.js/hls.min.js").statusCode());
    }

    @Test
    void libraryListsVideosWithStatusAndEscapedTitles() {
        String title = "Home page <video> & friends";
        String id = client.uploadVideo(new TestMedia().mp4("library-page.mp4", 160, 120, 1), title);
        client.awaitFinished(id);

        HttpResponse<String> page = client.get("/library.jsp");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("data-id=\"" + id + "\" data-status=\"READY\""), "the video and its status");
        assertTrue(page.body().contains("Home page &lt;video&gt; &amp; friends"), "titles are escaped");
        assertTrue(page.body().contains("/watch.jsp?id=" + id));
    }

    @Test
    void playerPageEscapesWhatItIsGiven() {
        HttpResponse<String> page = client.get("/watch.jsp?id=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");

        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("<script>alert(1)</script>"));
        assertTrue(page.body().contains("&#034;&gt;&lt;script&gt;"), page.body());
    }
}
