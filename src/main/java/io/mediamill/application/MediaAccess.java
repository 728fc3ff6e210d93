package io.mediamill.application;

import io.mediamill.domain.model.secret.ServerSecretRepository;
import io.mediamill.domain.model.user.Actor;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.domain.model.video.Visibility;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The one place that decides who may read a video's media files: anyone holding a valid signed URL, anyone
 * at all for an unlisted video, and otherwise only its owner and operators. It also hands out the tokens of
 * signed URLs, keyed by a secret shared through the database so that every node accepts every node's URLs.
 */
@ApplicationScoped
public class MediaAccess {

    /** What a request for a video's file gets. */
    public enum Decision {
        /** Nothing to see: answered exactly like a file that does not exist. */
        NOT_FOUND,
        /** A signed URL of ours whose time is up: the client should fetch fresh URLs. */
        EXPIRED,
        /** Granted to this requester only: caches shared between users must not keep it. */
        PRIVATE,
        /** Granted to anyone who has the URL. */
        PUBLIC
    }

    static final String SECRET_NAME = "media-url-hmac-sha256";
    /** What live tokens sign before the camera id: a colon is in no video id and no camera id. */
    private static final String LIVE = "live:";
    private static final int KEY_BYTES = 32;

    @Inject
    VideoRepository videos;

    @Inject
    ServerSecretRepository secrets;

    @Inject
    MediamillConfig config;

    @Inject
    Clock clock;

    private volatile MediaUrlSigner signer;

    /** The token of signed URLs for every file of the video, valid for the configured time. */
    public String token(String videoId) {
        return signer().sign(videoId, MediaUrlSigner.expiry(clock.instant(), config.mediaUrlTtl()));
    }

    /**
     * Whether a file of the video may be served, through a signed URL ({@code token} not null) or a plain
     * one (then the signed-in {@code viewer}, if any, decides, with the video's visibility).
     */
    public Decision decide(String videoId, String token, Optional<Actor> viewer) {
        if (token != null) {
            return switch (signer().verify(videoId, token, clock.instant())) {
                case VALID -> Decision.PRIVATE;
                case EXPIRED -> Decision.EXPIRED;
                case INVALID -> Decision.NOT_FOUND;
            };
        }
        Optional<Video> video = videos.find(videoId);
        if (video.isEmpty() || !canRead(video.get(), viewer)) {
            return Decision.NOT_FOUND;
        }
        return video.get().visibility() == Visibility.UNLISTED ? Decision.PUBLIC : Decision.PRIVATE;
    }

    /** Unlisted videos are anyone's to play; private ones their owner's and the operators'. */
    public boolean canRead(Video video, Optional<Actor> viewer) {
        return video.visibility() == Visibility.UNLISTED || viewer.map(actor -> actor.mayActOn(video.owner())).orElse(false);
    }

    /**
     * The token of signed URLs for a camera's live HLS, valid for the configured time. Signed under a name no
     * video id can have, so a video's token never opens a camera and the other way round; any node accepts it,
     * so a balancer may send a player's requests to the node that runs the camera.
     */
    public String liveToken(String cameraId) {
        return signer().sign(LIVE + cameraId, MediaUrlSigner.expiry(clock.instant(), config.mediaUrlTtl()));
    }

    /** Whether {@code token} opens the camera's live HLS: VALID, EXPIRED or (anything else) INVALID. */
    public MediaUrlSigner.Verdict verifyLive(String cameraId, String token) {
        return signer().verify(LIVE + cameraId, token, clock.instant());
    }

    /** Read once from the database (made there by the first node that needed it), then kept. */
    private MediaUrlSigner signer() {
        MediaUrlSigner current = signer;
        if (current == null) {
            String key = secrets.getOrCreate(SECRET_NAME, MediaAccess::freshKey);
            current = new MediaUrlSigner(Base64.getDecoder().decode(key));
            signer = current;
        }
        return current;
    }

    private static String freshKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
