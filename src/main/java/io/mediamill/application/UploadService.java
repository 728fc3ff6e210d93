package io.mediamill.application;

import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.domain.model.video.Watermark;
import io.mediamill.infrastructure.storage.MediaStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * Accepts an uploaded file: streams it onto the media volume, records the video and queues its processing.
 * Deliberately not one transaction: the file is committed first, the row next, the job is started last, so
 * the job never runs before the row it reads is visible.
 */
@ApplicationScoped
public class UploadService {

    private static final int MAX_TITLE_LENGTH = 500;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Inject
    MediaStorage storage;

    @Inject
    VideoRepository videos;

    @Inject
    ProcessingService processing;

    @Inject
    Clock clock;

    /** Takes an upload, with an optional watermark to burn into every video rendition. */
    public Video upload(String title, String clientFileName, InputStream content, WatermarkUpload watermark) {
        String fileName = FileNames.displayName(clientFileName);
        Path received = storage.receive(content);
        String videoId = Video.newId();
        try {
            long size = Files.size(received);
            if (size == 0) {
                throw new InvalidUploadException("The file " + (fileName == null ? "" : "\"" + fileName + "\" ")
                        + "is empty.");
            }
            Watermark stored = watermark == null ? null : storeWatermark(videoId, watermark);
            String sourcePath = storage.commitSource(videoId, received, FileNames.extension(fileName));
            Video video = new Video(videoId, titleFor(title, fileName), fileName, sourcePath, size, clock.instant());
            video.applyWatermark(stored);
            videos.add(video);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            storage.deleteQuietly(received);
            storage.deleteVideo(videoId);
            throw e;
        }
        processing.enqueue(videoId);
        return videos.find(videoId).orElseThrow();
    }

    /** Keeps the watermark image next to the video; only PNG is taken (it carries the transparency). */
    private Watermark storeWatermark(String videoId, WatermarkUpload watermark) throws IOException {
        Path image = storage.receive(watermark.image());
        try (InputStream head = Files.newInputStream(image)) {
            if (!Arrays.equals(head.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE)) {
                throw new InvalidUploadException("The watermark must be a PNG image.");
            }
        } catch (InvalidUploadException | IOException e) {
            storage.deleteQuietly(image);
            throw e;
        }
        String path = storage.commitFile(videoId, image, "watermark.png");
        return new Watermark(path, watermark.corner(), watermark.margin(), watermark.opacity());
    }

    private static String titleFor(String title, String fileName) {
        String chosen = title != null && !title.isBlank() ? title.strip()
                : fileName != null ? FileNames.baseName(fileName) : "Untitled video";
        return chosen.length() <= MAX_TITLE_LENGTH ? chosen : chosen.substring(0, MAX_TITLE_LENGTH);
    }
}
