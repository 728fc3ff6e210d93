package io.mediamill.interfaces.web;

import io.mediamill.application.VideoService;
import io.mediamill.interfaces.rest.VideoJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** What the home page shows: the newest videos with their status. Reached from the JSP as {@code libraryPage}. */
@Named
@RequestScoped
public class LibraryPage {

    private static final int PAGE_SIZE = 50;

    @Inject
    VideoService videos;

    @Inject
    MediaUrls mediaUrls;

    private List<VideoJson> recent;

    public List<VideoJson> getVideos() {
        if (recent == null) {
            recent = videos.newestFirst(0, PAGE_SIZE).stream()
                    .map(video -> VideoJson.of(video, mediaUrls.signedFor(video.id()))).toList();
        }
        return recent;
    }

    /** True while some listed video is still being worked on, so the page keeps itself current. */
    public boolean isAnyPending() {
        return getVideos().stream().anyMatch(v -> !v.status().isFinal());
    }
}
