package io.mediamill.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import java.io.UncheckedIOException;
import io.mediamill.testing.NoPeers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mediamill.domain.model.user.Actor;
import io.mediamill.domain.model.user.Role;
import io.mediamill.domain.model.upload.ResumableUpload;
import io.mediamill.domain.model.upload.ResumableUploadRepository;
import io.mediamill.domain.model.upload.UnfinishedUploads;
import io.mediamill.domain.model.upload.UploadMetadata;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.Visibility;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.storage.DiskReserve;
import io.mediamill.infrastructure.storage.HashingFileWriter;
import io.mediamill.infrastructure.storage.InsufficientStorageException;
import io.mediamill.infrastructure.storage.MediaStorage;
import io.mediamill.infrastructure.storage.Received;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits on what one owner's resumable uploads may hold, and what requests for unknown ids leave behind. */
class ResumableUploadsTest {

    private static final Actor OWNER = new Actor("uploader-1", Set.of(Role.UPLOADER));

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path media;

    private final InMemoryUploads repository = new InMemoryUploads();
    private final FakeAcceptance acceptance = new FakeAcceptance();
    private final CountedBytes counted = new CountedBytes();
    private final ResumableUploads uploads = new ResumableUploads();
    private long usableBytes = 1L << 40;

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
            public Duration uploadExpiry() {
                return Duration.ofHours(1);
            }

            @Override
            public int maxUnfinishedUploads() {
                return 10;
            }

            @Override
            public long maxUnfinishedUploadBytes() {
                return 2_000;
            }
        };
        uploads.uploads = repository;
        uploads.storage = new MediaStorage(config);
        uploads.videos = acceptance;
        uploads.config = config;
        uploads.clock = Clock.fixed(START, ZoneOffset.UTC);
        uploads.writer = new HashingFileWriter(Runnable::run);
        uploads.diskReserve = new DiskReserve(() -> usableBytes, 500);
        uploads.metrics = counted;
        uploads.replication = new NoPeers() {
            @Override
            public boolean pullUpload(String uploadId, String fromNode, Duration max) {
                pulledFrom.add(fromNode);
                if (bytesOnOtherNode == null) {
                    return false;
                }
                try {
                    Files.write(uploads.storage.resumableFile(uploadId), bytesOnOtherNode);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            }
        };
    }

    private final List<String> pulledFrom = new ArrayList<>();
    private byte[] bytesOnOtherNode;

    @Test
    void anUploadAnotherNodeReceivedGoesOnHereWithTheBytesFetchedFromIt() throws IOException {
        ResumableUpload upload = create(10);
        uploads.append(OWNER, upload.id(), 0, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), null);
        receivedElsewhere(upload.id(), new byte[] {1, 2, 3, 4});

        assertEquals(4, uploads.status(OWNER, upload.id()).orElseThrow().offset());
        assertEquals(List.of("node-a"), pulledFrom);
        assertEquals(uploads.config.nodeName(), repository.find(upload.id()).orElseThrow().node());
        uploads.append(OWNER, upload.id(), 4, new ByteArrayInputStream(new byte[] {5, 6}), null);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, Files.readAllBytes(uploads.storage.resumableFile(upload.id())));
    }

    @Test
    void bytesThatCannotBeFetchedAreReceivedAgainFromTheTrueOffset() throws IOException {
        ResumableUpload upload = create(10);
        uploads.append(OWNER, upload.id(), 0, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), null);
        receivedElsewhere(upload.id(), null);

        assertEquals(409, assertThrows(ResumableUploadException.class, () -> uploads.append(OWNER, upload.id(), 4,
                new ByteArrayInputStream(new byte[] {5}), null)).status(), "the client is told to ask for the offset");
        assertEquals(0, uploads.status(OWNER, upload.id()).orElseThrow().offset());
        uploads.append(OWNER, upload.id(), 0, new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}), null);
        assertEquals(5, repository.find(upload.id()).orElseThrow().offset());
    }

    @Test
    void bytesLeftBehindByAnUploadThatWentOnElsewhereGoOnceIdle() throws IOException {
        ResumableUpload moved = create(10);
        ResumableUpload staying = create(10);
        for (ResumableUpload upload : List.of(moved, staying)) {
            uploads.append(OWNER, upload.id(), 0, new ByteArrayInputStream(new byte[] {1, 2}), null);
            Files.setLastModifiedTime(uploads.storage.resumableFile(upload.id()),
                    java.nio.file.attribute.FileTime.from(START.minus(Duration.ofHours(1))));
        }
        repository.find(moved.id()).orElseThrow().receivedOn("node-a");

        uploads.expire();

        assertFalse(Files.exists(uploads.storage.resumableFile(moved.id())), "node-a holds that upload now");
        assertTrue(Files.exists(uploads.storage.resumableFile(staying.id())), "an upload of this node keeps its bytes");
    }

    /** As if node-a had received the upload's bytes so far: this node holds none of them. */
    private void receivedElsewhere(String id, byte[] onNodeA) throws IOException {
        repository.find(id).orElseThrow().receivedOn("node-a");
        Files.delete(uploads.storage.resumableFile(id));
        bytesOnOtherNode = onNodeA;
    }

    @Test
    void theEleventhUnfinishedUploadOfOneOwnerIsRefused() {
        List<ResumableUpload> open = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            open.add(create(1));
        }

        ResumableUploadException refused = assertThrows(ResumableUploadException.class, () -> create(1));

        assertEquals(429, refused.status());
        assertTrue(refused.getMessage().contains("unfinished uploads per user (10)"), refused.getMessage());
        assertEquals(10, incomingFiles().size(), "nothing kept for the refused one");

        uploads.terminate(OWNER, open.get(0).id());
        create(1);
    }

    @Test
    void finishedAndExpiredUploadsNoLongerCount() {
        ResumableUpload finished = create(3);
        for (int i = 0; i < 9; i++) {
            create(1);
        }
        uploads.append(OWNER, finished.id(), 0, new ByteArrayInputStream(new byte[3]), null);
        create(1);
        assertThrows(ResumableUploadException.class, () -> create(1));

        uploads.clock = Clock.fixed(START.plus(Duration.ofHours(2)), ZoneOffset.UTC);

        create(1);
    }

    @Test
    void theBytesOneOwnerDeclaresInUnfinishedUploadsAreBounded() {
        create(1_000);
        create(600);

        ResumableUploadException refused = assertThrows(ResumableUploadException.class, () -> create(401));

        assertEquals(429, refused.status());
        assertTrue(refused.getMessage().contains("declare 1600 bytes"), refused.getMessage());
        assertTrue(refused.getMessage().contains("per user (2000)"), refused.getMessage());
        create(400);
    }

    @Test
    void anUploadLengthBeyondTheFreeSpaceAboveTheReserveIsRefusedBeforeAnyFileIsMade() {
        usableBytes = 1_000;

        InsufficientStorageException refused = assertThrows(InsufficientStorageException.class, () -> create(501));

        assertTrue(refused.getMessage().startsWith("Upload-Length 501 does not fit"), refused.getMessage());
        assertEquals(List.of(), incomingFiles());
        assertEquals(0, repository.rows.size());
        create(500);
    }

    @Test
    void requestsForUnknownIdsLeaveNothingBehind() {
        ResumableUpload known = create(10);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            made.add(UUID.randomUUID().toString());
        }
        made.addAll(List.of("../../etc/passwd", "x".repeat(300), ""));

        for (String id : made) {
            assertEquals(404, assertThrows(ResumableUploadException.class,
                    () -> uploads.append(OWNER, id, 0, new ByteArrayInputStream(new byte[5]), null)).status());
            assertEquals(Optional.empty(), uploads.status(OWNER, id));
            assertEquals(404, assertThrows(ResumableUploadException.class, () -> uploads.terminate(OWNER, id)).status());
        }

        assertEquals(java.util.Set.of(known.id()), uploads.heldIds());
        assertEquals(List.of(known.id() + ".tus"), incomingFiles());
    }

    @Test
    void stateOfUploadsThatVanishedElsewhereIsForgotten() {
        ResumableUpload upload = create(10);
        uploads.append(OWNER, upload.id(), 0, new ByteArrayInputStream(new byte[4]), null);
        repository.rows.remove(upload.id());

        uploads.expire();

        assertEquals(java.util.Set.of(), uploads.heldIds());
    }

    @Test
    void aCompletedUploadThatFindsNoProbeSlotKeepsItsBytesAndIsAcceptedWhenAskedAgain() throws Exception {
        byte[] bytes = "the whole of a small video".getBytes();
        ResumableUpload upload = create(bytes.length);
        uploads.append(OWNER, upload.id(), 0, new ByteArrayInputStream(bytes, 0, 10), null);
        acceptance.busyTimes = 2;

        ServiceBusyException busy = assertThrows(ServiceBusyException.class, () -> uploads.append(OWNER, upload.id(), 10,
                new ByteArrayInputStream(bytes, 10, bytes.length - 10), null));

        assertTrue(busy.getMessage().contains("arrived and are kept"), busy.getMessage());
        assertEquals(bytes.length, repository.rows.get(upload.id()).offset(), "resumable at its full offset");
        assertArrayEquals(bytes, Files.readAllBytes(media.resolve("incoming").resolve(upload.id() + ".tus")));
        assertEquals(409, assertThrows(ResumableUploadException.class, () -> uploads.append(OWNER, upload.id(), 10,
                new ByteArrayInputStream(bytes, 10, bytes.length - 10), null)).status(), "the bytes are in already");

        assertEquals(423, assertThrows(ResumableUploadException.class, () -> uploads.status(OWNER, upload.id())).status(),
                "still no slot: a HEAD says come back, rather than that the upload is gone");
        ResumableUpload accepted = uploads.status(OWNER, upload.id()).orElseThrow();

        assertEquals(acceptance.lastVideoId, accepted.videoId());
        assertEquals(sha256(bytes), acceptance.lastSha256, "the hash is the content's, however often it was asked for");
        assertEquals(accepted.videoId(), uploads.status(OWNER, upload.id()).orElseThrow().videoId(), "accepted once");
        assertEquals(1, acceptance.accepted);
    }

    @Test
    void anEmptyPatchAtTheEndAlsoCompletesAnUploadThatWaitsForAcceptance() throws Exception {
        byte[] bytes = new byte[20];
        ResumableUpload upload = create(bytes.length);
        acceptance.busyTimes = 1;
        assertThrows(ServiceBusyException.class, () -> uploads.append(OWNER, upload.id(), 0, new ByteArrayInputStream(bytes), null));

        ResumableUploads.Progress progress = uploads.append(OWNER, upload.id(), bytes.length, new ByteArrayInputStream(new byte[0]), null);

        assertEquals(acceptance.lastVideoId, progress.videoId());
        assertEquals(sha256(bytes), acceptance.lastSha256);
    }

    /** Linux's /dev/full fails every write with ENOSPC: the upload's file made a link to it is a full volume. */
    @Test
    void aVolumeThatFillsUpMidPatchIsInsufficientStorageAndTheUploadStaysWhereItWas() throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        ResumableUpload upload = create(100);
        uploads.append(OWNER, upload.id(), 0, new ByteArrayInputStream(new byte[30]), null);
        Path file = media.resolve("incoming").resolve(upload.id() + ".tus");
        Files.delete(file);
        Files.createSymbolicLink(file, Path.of("/dev/full"));

        assertThrows(InsufficientStorageException.class,
                () -> uploads.append(OWNER, upload.id(), 30, new ByteArrayInputStream(new byte[70]), null));

        assertEquals(30, repository.rows.get(upload.id()).offset(), "resumable from where it was");
    }

    @Test
    void theBytesOfEachPatchAreCountedOnceKeptAndOnlyThen() {
        ResumableUpload upload = create(100);
        uploads.append(OWNER, upload.id(), 0, new ByteArrayInputStream(new byte[30]), null);
        assertEquals(30, counted.bytes);

        UploadChecksum wrong = UploadChecksum.parse("sha256 " + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThrows(ResumableUploadException.class,
                () -> uploads.append(OWNER, upload.id(), 30, new ByteArrayInputStream(new byte[20]), wrong));
        assertEquals(30, counted.bytes, "a body that failed its checksum was not kept");

        uploads.append(OWNER, upload.id(), 30, new ByteArrayInputStream(new byte[70]), null);
        assertEquals(100, counted.bytes);
    }

    private ResumableUpload create(long length) {
        return uploads.create(OWNER.username(), length, UploadMetadata.parse(null));
    }

    private List<String> incomingFiles() {
        Path incoming = media.resolve("incoming");
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Adds up the upload bytes reported for the metrics. */
    private static final class CountedBytes implements MetricsRecorder {
        long bytes;

        @Override
        public void uploadReceived(long received) {
            bytes += received;
        }

        @Override
        public void attemptEnded(String outcome, String failedStep, Duration took) {
        }
    }

    /** Makes a video of whatever it is handed, after refusing as busy the first {@code busyTimes} times. */
    private static final class FakeAcceptance extends UploadService {
        int busyTimes;
        int accepted;
        String lastVideoId;
        String lastSha256;

        @Override
        public Accepted accept(String owner, String title, String clientFileName, Received received, WatermarkUpload watermark,
                               Visibility visibility, String videoId) {
            if (busyTimes > 0) {
                busyTimes--;
                throw ProbeSlots.uploadNotKept(Duration.ofSeconds(5));
            }
            accepted++;
            lastSha256 = received.sha256();
            lastVideoId = videoId;
            return new Accepted(new Video(lastVideoId, "t", null, "videos/x/source.mp4", received.size(), START), false);
        }

        @Override
        public Optional<Accepted> acceptedBefore(String owner, String videoId, Path received) {
            return Optional.empty();
        }
    }

    /** The repository's contract over a map; the offset moves as the JPA repository's UPDATE moves it. */
    private static final class InMemoryUploads implements ResumableUploadRepository {
        final Map<String, ResumableUpload> rows = new LinkedHashMap<>();

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
                    .filter(u -> u.owner().equals(owner) && u.videoId() == null && !u.expiresAt().isBefore(now)).toList();
            return new UnfinishedUploads(unfinished.size(), unfinished.stream().mapToLong(ResumableUpload::length).sum());
        }

        @Override
        public void remove(String id) {
            rows.remove(id);
        }
    }
}
