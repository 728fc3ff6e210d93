package io.mediamill.interfaces.web;

import io.mediamill.application.VideoService;
import io.mediamill.interfaces.rest.VideoJson;
import io.mediamill.infrastructure.persistence.DatabaseOutage;
import io.mediamill.interfaces.security.CurrentActor;
import io.mediamill.interfaces.security.OutageResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * What the library page shows: the signed-in user's newest videos (an operator's: everyone's), with their status.
 * When the database cannot be reached the page says so (and answers 503) rather than showing no videos: the
 * page reads this before it writes anything, since a JSP's expression language may swallow the exception.
 */
@Named
@RequestScoped
public class LibraryPage {

    private static final int PAGE_SIZE = 50;

    @Inject
    VideoService videos;

    @Inject
    CurrentActor actor;
    MediaUrls mediaUrls;

    @Inject
    HttpServletRequest request;

    private List<VideoJson> recent;
    private DatabaseOutage outage;

    public List<VideoJson> getVideos() {
        if (recent == null) {
            try {
                // The page's own session plays them: plain URLs, out of reach once it signs out.
                recent = videos.newestFirst(actor.get(), 0, PAGE_SIZE).stream()
                        .map(video -> VideoJson.of(video, MediaUrls.plain())).toList();
            } catch (RuntimeException e) {
                outage = DatabaseOutage.in(e).orElseThrow(() -> e);
                OutageResponse.log(request.getMethod(), "/library.jsp", outage);
                recent = List.of();
            }
        }
        return recent;
    }

    /** True when the videos could not be read because the database cannot be reached. */
    public boolean isUnavailable() {
        getVideos();
        return outage != null;
    }

    /** What the page says instead of its videos while the database cannot be reached. */
    public String getUnavailableMessage() {
        return outage == null ? null : OutageResponse.detail(outage);
    }

    public long getRetryAfterSeconds() {
        return OutageResponse.RETRY_AFTER_SECONDS;
    }

    /** True while some listed video is still being worked on, so the page keeps itself current. */
    public boolean isAnyPending() {
        return getVideos().stream().anyMatch(v -> !v.status().isFinal());
    }
}
