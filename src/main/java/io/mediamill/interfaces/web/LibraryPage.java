package io.mediamill.interfaces.web;

import io.mediamill.application.VideoService;
import io.mediamill.interfaces.rest.VideoJson;
import io.mediamill.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** What the library page shows: the signed-in user's newest videos (an operator's: everyone's), with their status. */
@Named
@RequestScoped
public class LibraryPage {

    private static final int PAGE_SIZE = 50;

    @Inject
    VideoService videos;

    @Inject
    CurrentActor actor;
    MediaUrls mediaUrls;

    private List<VideoJson> recent;

    public List<VideoJson> getVideos() {
        if (recent == null) {
            // The page's own session plays them: plain URLs, out of reach once it signs out.
            recent = videos.newestFirst(actor.get(), 0, PAGE_SIZE).stream()
                    .map(video -> VideoJson.of(video, MediaUrls.plain())).toList();
        }
        return recent;
    }

    /** True while some listed video is still being worked on, so the page keeps itself current. */
    public boolean isAnyPending() {
        return getVideos().stream().anyMatch(v -> !v.status().isFinal());
    }
}
