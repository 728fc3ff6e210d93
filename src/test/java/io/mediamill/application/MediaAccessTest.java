package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.application.MediaAccess.Decision;
import io.mediamill.domain.model.user.Actor;
import io.mediamill.domain.model.user.Role;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.domain.model.video.Visibility;
import io.mediamill.infrastructure.config.MediamillConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may read a video's media: the whole decision table, with the database replaced by maps. */
class MediaAccessTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Map<String, Video> stored = new HashMap<>();
    private final Map<String, String> secrets = new HashMap<>();
    private final AtomicInteger secretReads = new AtomicInteger();
    private final MediaAccess access = new MediaAccess();
    private Video privateVideo;
    private Video unlistedVideo;

    @BeforeEach
    void wire() {
        access.videos = new MapVideos();
        access.secrets = (name, fresh) -> {
            secretReads.incrementAndGet();
            return secrets.computeIfAbsent(name, n -> fresh.get());
        };
        access.config = new MediamillConfig();
        access.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        privateVideo = video("alice", Visibility.PRIVATE);
        unlistedVideo = video("alice", Visibility.UNLISTED);
    }

    @Test
    void aPrivateVideoIsItsOwnersAndTheOperatorsOnly() {
        assertEquals(Decision.NOT_FOUND, access.decide(privateVideo.id(), null, Optional.empty()));
        assertEquals(Decision.NOT_FOUND, access.decide(privateVideo.id(), null, Optional.of(new Actor("bob", Set.of(Role.UPLOADER)))));
        assertEquals(Decision.PRIVATE, access.decide(privateVideo.id(), null, Optional.of(new Actor("alice", Set.of(Role.UPLOADER)))));
        assertEquals(Decision.PRIVATE, access.decide(privateVideo.id(), null, Optional.of(new Actor("carol", Set.of(Role.OPERATOR)))));
        assertFalse(access.canRead(privateVideo, Optional.empty()));
    }

    @Test
    void anUnlistedVideoIsAnyonesAndPubliclyCacheable() {
        assertEquals(Decision.PUBLIC, access.decide(unlistedVideo.id(), null, Optional.empty()));
        assertEquals(Decision.PUBLIC, access.decide(unlistedVideo.id(), null, Optional.of(new Actor("bob", Set.of(Role.UPLOADER)))));
        assertTrue(access.canRead(unlistedVideo, Optional.empty()));
    }

    @Test
    void aMissingVideoIsNotFound() {
        assertEquals(Decision.NOT_FOUND, access.decide("ffff0000-0000-4000-8000-000000000000", null, Optional.of(new Actor("x", Set.of(Role.OPERATOR)))));
    }

    @Test
    void aSignedUrlOpensAPrivateVideoToAnyoneForItsVideoOnly() {
        String token = access.token(privateVideo.id());

        assertEquals(Decision.PRIVATE, access.decide(privateVideo.id(), token, Optional.empty()));
        assertEquals(Decision.NOT_FOUND, access.decide(unlistedVideo.id(), token, Optional.empty()));
        assertEquals(Decision.NOT_FOUND, access.decide(privateVideo.id(), "1." + token, Optional.empty()));
    }

    @Test
    void aSignedUrlExpiresAfterTheConfiguredTime() {
        String token = access.token(privateVideo.id());
        long expires = Long.parseLong(token.substring(0, token.indexOf('.')));

        assertTrue(expires <= NOW.plus(access.config.mediaUrlTtl()).getEpochSecond());
        access.clock = Clock.fixed(Instant.ofEpochSecond(expires), ZoneOffset.UTC);
        assertEquals(Decision.EXPIRED, access.decide(privateVideo.id(), token, Optional.empty()));
    }

    @Test
    void theKeyIsMadeOnceAndReadOnce() {
        String first = access.token(privateVideo.id());
        String second = access.token(privateVideo.id());

        assertEquals(first, second);
        assertEquals(1, secrets.size());
        assertEquals(1, secretReads.get(), "read once, then kept");
        MediaAccess otherNode = new MediaAccess();
        otherNode.secrets = (name, fresh) -> secrets.computeIfAbsent(name, n -> fresh.get());
        otherNode.config = access.config;
        otherNode.clock = access.clock;
        assertEquals(first, otherNode.token(privateVideo.id()), "every node sharing the database signs alike");
    }

    private Video video(String owner, Visibility visibility) {
        Video video = new Video(Video.newId(), "t", "t.mp4", "videos/x/original", 1, NOW);
        video.identifyContent(owner, null);
        video.changeVisibility(visibility, NOW);
        stored.put(video.id(), video);
        return video;
    }

    private final class MapVideos implements VideoRepository {
        @Override
        public void add(Video video) {
            stored.put(video.id(), video);
        }

        @Override
        public Optional<Video> find(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public Video update(String id, Consumer<Video> change) {
            change.accept(stored.get(id));
            return stored.get(id);
        }

        @Override
        public Video updateOnItsOwn(String id, Consumer<Video> change) {
            return update(id, change);
        }

        @Override
        public List<Video> newestFirst(int offset, int limit) {
            return List.copyOf(stored.values());
        }

        @Override
        public List<Video> newestFirstOwnedBy(String owner, int offset, int limit) {
            return stored.values().stream().filter(video -> video.owner().equals(owner)).toList();
        }

        @Override
        public long count() {
            return stored.size();
        }

        @Override
        public void addQueued(Video video) {
            add(video);
        }

        @Override
        public long countWithStatus(io.mediamill.domain.model.video.VideoStatus status) {
            return stored.values().stream().filter(video -> video.status() == status).count();
        }

        @Override
        public long countOwnedBy(String owner) {
            return newestFirstOwnedBy(owner, 0, Integer.MAX_VALUE).size();
        }

        @Override
        public Optional<Video> findByOwnerAndSha256(String owner, String sha256) {
            return Optional.empty();
        }

        @Override
        public void remove(String id) {
            stored.remove(id);
        }
    }
}
