package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.upload.ResumableUpload;
import io.mediamill.domain.model.upload.ResumableUploadRepository;
import io.mediamill.domain.model.upload.UnfinishedUploads;
import io.mediamill.domain.model.upload.UploadMetadata;
import io.mediamill.domain.model.user.Actor;
import io.mediamill.domain.model.user.Role;
import io.mediamill.domain.model.video.AudioStreamInfo;
import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoNotFoundException;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.domain.model.video.VideoStatus;
import io.mediamill.domain.model.video.VideoStreamInfo;
import io.mediamill.domain.model.video.Visibility;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.media.MediaInput;
import io.mediamill.infrastructure.media.MediaProber;
import io.mediamill.infrastructure.persistence.DatabaseOutage;
import io.mediamill.infrastructure.storage.ContentHash;
import io.mediamill.infrastructure.storage.DiskReserve;
import io.mediamill.infrastructure.storage.HashingFileWriter;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.persistence.PersistenceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLNonTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import io.mediamill.testing.NoPeers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database failing at each step between an upload's last byte and its video: the bytes of a resumable upload
 * stay until its video is recorded and every later try completes it exactly once; a multipart upload leaves
 * nothing behind. The real upload services over a media volume in a temporary folder; the repositories are maps
 * that fail once, where a test says, the way a connection lost to a stopped database fails.
 */
class UploadsThroughAnOutageTest {

    private static final Actor OWNER = new Actor("uploader-1", Set.of(Role.UPLOADER));
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final byte[] BYTES = "the bytes of a small video, all of them".getBytes();

    @TempDir
    Path media;

    private final Videos videoRows = new Videos();
    private final Uploads uploadRows = new Uploads();
    private MediaStorage storage;
    private UploadService uploadService;

    @BeforeEach
    void wire() {
        MediamillConfig config = new MediamillConfig() {
            @Override
            public Path mediaDir() {
                return media;
            }

            @Override
            public long maxUploadBytes() {
                return 1_000;
            }

            @Override
            public long maxDurationSeconds() {
                return 60;
            }

            @Override
            public Duration uploadExpiry() {
                return Duration.ofHours(1);
            }
        };
        storage = new MediaStorage(config);
        uploadService = new UploadService();
        uploadService.storage = storage;
        uploadService.videos = videoRows;
        uploadService.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        uploadService.config = config;
        uploadService.probeSlots = new ProbeSlots(1, Duration.ofSeconds(1));
        uploadService.metrics = NO_METRICS;
        uploadService.replication = new NoPeers();
        uploadService.sources = new LocalCopies();
        uploadService.sources.storage = storage;
        uploadService.sources.replication = uploadService.replication;
        uploadService.sources.config = uploadService.config;
        uploadService.prober = new MediaProber() {
            @Override
            public MediaInfo probe(MediaInput input) {
                return new MediaInfo("mov,mp4", 2.0, 1_000L, new VideoStreamInfo("h264", 320, 240, 0, "yuv420p", 25.0),
                        new AudioStreamInfo("aac", 2, 48_000));
            }
        };
    }

    private static final MetricsRecorder NO_METRICS = new MetricsRecorder() {
        @Override
        public void uploadReceived(long bytes) {
        }

        @Override
        public void attemptEnded(String outcome, String failedStep, Duration took) {
        }
    };

    private ResumableUploads node() {
        ResumableUploads uploads = new ResumableUploads();
        uploads.uploads = uploadRows;
        uploads.storage = storage;
        uploads.videos = uploadService;
        uploads.config = uploadService.config;
        uploads.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        uploads.writer = new HashingFileWriter(Runnable::run);
        uploads.diskReserve = new DiskReserve(() -> 1L << 40, 0);
        uploads.metrics = NO_METRICS;
        return uploads;
    }

    /** What a stopped database makes of a statement: EclipseLink's exception over the driver's. */
    private static PersistenceException databaseDown() {
        return new PersistenceException(new SQLNonTransientConnectionException(
                "Socket fail to connect to 127.0.0.1:3307. Connection refused", "08000"));
    }

    @Test
    void aCompletionTheDatabaseFailsBeforeTheVideoIsRecordedKeepsTheBytesAndTheNextTryMakesOneVideo() {
        ResumableUploads node = node();
        ResumableUpload upload = create(node);
        videoRows.failNextAdd = databaseDown();

        RuntimeException failed = assertThrows(RuntimeException.class, () -> patchAll(node, upload));

        assertTrue(DatabaseOutage.isOutage(failed), failed.toString());
        assertTrue(Files.isRegularFile(tusFile(upload)), "the bytes stay");
        assertEquals(BYTES.length, uploadRows.rows.get(upload.id()).offset());
        assertEquals(0, videoRows.rows.size());
        assertEquals(List.of(), filesUnder(media.resolve("videos")), "no video files without its row");

        ResumableUpload completed = node.status(OWNER, upload.id()).orElseThrow();

        assertOneVideoFrom(upload, completed);
    }

    @Test
    void aCompletionThatFailedAfterRecordingTheVideoIsFinishedWithoutItsBytesOnAnyNode() {
        ResumableUploads node = node();
        ResumableUpload upload = create(node);
        uploadRows.failNextUpdate = databaseDown();

        assertThrows(RuntimeException.class, () -> patchAll(node, upload));

        assertEquals(1, videoRows.rows.size(), "the video was recorded");
        assertFalse(Files.exists(tusFile(upload)), "its bytes moved into it");
        assertNull(uploadRows.rows.get(upload.id()).videoId(), "but the upload does not know yet");

        // Another node, with no running hash and no file to hash: it finds the video by the id the upload gives it.
        ResumableUpload completed = node().status(OWNER, upload.id()).orElseThrow();

        assertOneVideoFrom(upload, completed);
    }

    /** The row was committed, but the answer to the commit was lost with the connection. */
    @Test
    void aVideoRecordedByACommitWhoseAnswerWasLostGetsTheBytesOnTheNextTry() {
        ResumableUploads node = node();
        ResumableUpload upload = create(node);
        videoRows.failNextAdd = databaseDown();
        videoRows.addDespiteFailure = true;

        assertThrows(RuntimeException.class, () -> patchAll(node, upload));
        assertEquals(1, videoRows.rows.size());
        assertTrue(Files.isRegularFile(tusFile(upload)), "the bytes were not moved: the row seemed not to be there");

        ResumableUpload completed = node.status(OWNER, upload.id()).orElseThrow();

        assertOneVideoFrom(upload, completed);
    }

    @Test
    void theSameContentAgainIsTheVideoItIsEvenWhenMarkingTheSecondUploadFailedOnce() {
        ResumableUploads node = node();
        ResumableUpload first = create(node);
        patchAll(node, first);
        ResumableUpload second = create(node);
        uploadRows.failNextUpdate = databaseDown();

        assertThrows(RuntimeException.class, () -> patchAll(node, second));
        assertTrue(Files.isRegularFile(tusFile(second)), "kept until the upload says which video it is");

        ResumableUpload completed = node.status(OWNER, second.id()).orElseThrow();

        assertEquals(uploadRows.rows.get(first.id()).videoId(), completed.videoId());
        assertEquals(1, videoRows.rows.size());
        assertFalse(Files.exists(tusFile(second)));
        assertEquals(1, videoRows.queued.size());
    }

    @Test
    void aPatchWhoseOffsetCannotBeRecordedGivesItsBytesBackAndTheUploadResumesWhereItWas() throws IOException {
        ResumableUploads node = node();
        ResumableUpload upload = create(node);
        node.append(OWNER, upload.id(), 0, new ByteArrayInputStream(BYTES, 0, 10), null);
        uploadRows.failNextAdvance = databaseDown();

        assertThrows(PersistenceException.class, () -> node.append(OWNER, upload.id(), 10,
                new ByteArrayInputStream(BYTES, 10, 20), null));

        assertEquals(10, uploadRows.rows.get(upload.id()).offset());
        assertEquals(10, Files.size(tusFile(upload)), "the file holds what the record says");

        node.append(OWNER, upload.id(), 10, new ByteArrayInputStream(BYTES, 10, BYTES.length - 10), null);

        assertOneVideoFrom(upload, uploadRows.rows.get(upload.id()));
        MessageDigest sha256 = ContentHash.newDigest();
        sha256.update(BYTES);
        assertEquals(ContentHash.hex(sha256), videoRows.rows.values().iterator().next().sha256(), "the bytes sent, once each");
    }

    @Test
    void aMultipartUploadTheDatabaseFailsLeavesNothingBehind() {
        videoRows.failNextFind = databaseDown();

        assertThrows(PersistenceException.class, () -> uploadService.upload(OWNER.username(), "t", "v.mp4",
                new ByteArrayInputStream(BYTES), null, Visibility.PRIVATE));
        assertEquals(List.of(), filesUnder(media.resolve("incoming")));

        videoRows.failNextAdd = databaseDown();

        assertThrows(PersistenceException.class, () -> uploadService.upload(OWNER.username(), "t", "v.mp4",
                new ByteArrayInputStream(BYTES), null, Visibility.PRIVATE));
        assertEquals(List.of(), filesUnder(media.resolve("incoming")));
        assertEquals(List.of(), filesUnder(media.resolve("videos")));
        assertEquals(0, videoRows.rows.size());

        UploadService.Accepted accepted = uploadService.upload(OWNER.username(), "t", "v.mp4",
                new ByteArrayInputStream(BYTES), null, Visibility.PRIVATE);

        assertEquals(List.of(), filesUnder(media.resolve("incoming")));
        assertTrue(storage.hasOriginal(accepted.video().id()));
        assertEquals(List.of(accepted.video().id()), videoRows.queued);
    }

    private void assertOneVideoFrom(ResumableUpload upload, ResumableUpload completed) {
        assertEquals(1, videoRows.rows.size(), "one video");
        Video video = videoRows.rows.values().iterator().next();
        assertEquals(video.id(), completed.videoId());
        assertEquals(VideoStatus.QUEUED, video.status());
        assertEquals(List.of(video.id()), videoRows.queued, "queued once");
        assertTrue(storage.hasOriginal(video.id()), "with its bytes");
        assertFalse(Files.exists(tusFile(upload)), "which are no longer under incoming/");
        assertEquals(completed.videoId(), node().status(OWNER, upload.id()).orElseThrow().videoId(), "and stays that video");
        assertEquals(1, videoRows.rows.size());
    }

    private ResumableUpload create(ResumableUploads node) {
        return node.create(OWNER.username(), BYTES.length, UploadMetadata.parse(null));
    }

    private static void patchAll(ResumableUploads node, ResumableUpload upload) {
        node.append(OWNER, upload.id(), 0, new ByteArrayInputStream(BYTES), null);
    }

    private Path tusFile(ResumableUpload upload) {
        return storage.resumableFile(upload.id());
    }

    private static List<Path> filesUnder(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Videos in a map; the next add or lookup fails when told to. */
    private static final class Videos implements VideoRepository {
        final Map<String, Video> rows = new LinkedHashMap<>();
        /** Videos whose task was added with their row. */
        final List<String> queued = new ArrayList<>();
        RuntimeException failNextAdd;
        RuntimeException failNextFind;
        boolean addDespiteFailure;

        @Override
        public void addQueued(Video video) {
            try {
                add(video);
            } finally {
                // One transaction: where the row was recorded (its answer lost or not), so was its task.
                if (rows.containsKey(video.id())) {
                    queued.add(video.id());
                }
            }
        }

        @Override
        public long countWithStatus(VideoStatus status) {
            return rows.values().stream().filter(video -> video.status() == status).count();
        }

        @Override
        public void add(Video video) {
            if (failNextAdd != null) {
                RuntimeException failure = failNextAdd;
                failNextAdd = null;
                if (addDespiteFailure) {
                    rows.put(video.id(), video);
                }
                throw failure;
            }
            rows.put(video.id(), video);
        }

        @Override
        public Optional<Video> find(String id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Video update(String id, Consumer<Video> change) {
            Video video = find(id).orElseThrow(() -> new VideoNotFoundException(id));
            change.accept(video);
            return video;
        }

        @Override
        public Video updateOnItsOwn(String id, Consumer<Video> change) {
            return update(id, change);
        }

        @Override
        public List<Video> newestFirst(int offset, int limit) {
            return List.copyOf(rows.values());
        }

        @Override
        public List<Video> newestFirstOwnedBy(String owner, int offset, int limit) {
            return rows.values().stream().filter(v -> owner.equals(v.owner())).toList();
        }

        @Override
        public long count() {
            return rows.size();
        }

        @Override
        public long countOwnedBy(String owner) {
            return newestFirstOwnedBy(owner, 0, Integer.MAX_VALUE).size();
        }

        @Override
        public Optional<Video> findByOwnerAndSha256(String owner, String sha256) {
            if (failNextFind != null) {
                RuntimeException failure = failNextFind;
                failNextFind = null;
                throw failure;
            }
            return rows.values().stream().filter(v -> owner.equals(v.owner()) && sha256.equals(v.sha256())).findFirst();
        }

        @Override
        public void remove(String id) {
            rows.remove(id);
        }
    }

    /** Resumable uploads in a map, the offset moved as the JPA repository's UPDATE moves it; the next update fails when told to. */
    private static final class Uploads implements ResumableUploadRepository {
        final Map<String, ResumableUpload> rows = new LinkedHashMap<>();
        RuntimeException failNextUpdate;
        RuntimeException failNextAdvance;

        @Override
        public void add(ResumableUpload upload) {
            rows.put(upload.id(), upload);
        }

        @Override
        public Optional<ResumableUpload> find(String id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public boolean moveTo(String id, String node, long oldOffset, long newOffset) {
            if (!advance(id, oldOffset, newOffset)) {
                return false;
            }
            find(id).orElseThrow().receivedOn(node);
            return true;
        }

        @Override
        public boolean advance(String id, long oldOffset, long newOffset) {
            if (failNextAdvance != null) {
                RuntimeException failure = failNextAdvance;
                failNextAdvance = null;
                throw failure;
            }
            ResumableUpload upload = rows.get(id);
            if (upload == null || upload.offset() != oldOffset) {
                return false;
            }
            try {
                Field offset = ResumableUpload.class.getDeclaredField("uploadOffset");
                offset.setAccessible(true);
                offset.setLong(upload, newOffset);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            return true;
        }

        @Override
        public ResumableUpload update(String id, Consumer<ResumableUpload> change) {
            if (failNextUpdate != null) {
                RuntimeException failure = failNextUpdate;
                failNextUpdate = null;
                throw failure;
            }
            change.accept(rows.get(id));
            return rows.get(id);
        }

        @Override
        public List<ResumableUpload> expiredBefore(Instant now) {
            return rows.values().stream().filter(u -> u.expiresAt().isBefore(now)).toList();
        }

        @Override
        public UnfinishedUploads unfinishedBy(String owner, Instant now) {
            List<ResumableUpload> unfinished = rows.values().stream()
                    .filter(u -> u.owner().equals(owner) && u.videoId() == null).toList();
            return new UnfinishedUploads(unfinished.size(), unfinished.stream().mapToLong(ResumableUpload::length).sum());
        }

        @Override
        public void remove(String id) {
            rows.remove(id);
        }
    }
}
