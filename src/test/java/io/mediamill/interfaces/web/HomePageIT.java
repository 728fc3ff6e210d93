package io.mediamill.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.testing.MediamillClient;
import io.mediamill.testing.TestMedia;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HomePageIT {

    private final MediamillClient client = new MediamillClient();

    @Test
    void showsTheUploadFormAndTheVideosWithTheirStatus() {
        String title = "Home page <video> & friends";
        String id = client.uploadVideo(new TestMedia().mp4("home-page.mp4", 160, 120, 1), title);
        client.awaitFinished(id);

        HttpResponse<String> page = client.get("/");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<form id=\"upload-form\" action=\"/api/videos\""), "upload form");
        assertTrue(html.contains("name=\"file\""), "file input");
        assertTrue(html.contains("data-id=\"" + id + "\" data-status=\"READY\""), "the video and its status");
        assertTrue(html.contains("Home page &lt;video&gt; &amp; friends"), "titles are escaped");
    }
}
