package io.mediamill.domain.model.video;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * An uploaded video and everything processing learned and produced for it. State changes go through the
 * methods here so that status, progress and error always agree.
 */
@Entity
@Table(name = "video")
@NamedQuery(name = "Video.findNewestFirst", query = "SELECT v FROM Video v ORDER BY v.createdAt DESC, v.id")
@NamedQuery(name = "Video.count", query = "SELECT COUNT(v) FROM Video v")
public class Video {

    /** Enough of ffmpeg's stderr tail to say why, small enough for a column. */
    public static final int MAX_ERROR_LENGTH = 4000;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    @Column(name = "original_filename", length = 1000)
    private String originalFilename;

    /** Path of the uploaded source relative to the media volume. */
    @Column(name = "source_path", nullable = false, length = 1000)
    private String sourcePath;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private VideoStatus status;

    @Column(name = "progress", nullable = false)
    private int progress;

    @Column(name = "container", length = 200)
    private String container;

    @Column(name = "duration_seconds")
    private Double durationSeconds;

    @Column(name = "width")
    private Integer width;

    @Column(name = "height")
    private Integer height;

    @Column(name = "video_codec", length = 64)
    private String videoCodec;

    @Column(name = "audio_codec", length = 64)
    private String audioCodec;

    @Column(name = "error", length = MAX_ERROR_LENGTH)
    private String error;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Batch-fetched: a page of videos loads all their thumbnails in one query, not one per video. */
    @OneToMany(mappedBy = "video", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<Thumbnail> thumbnails = new ArrayList<>();

    @OneToMany(mappedBy = "video", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("height DESC")
    @BatchFetch(BatchFetchType.IN)
    private List<Rendition> renditions = new ArrayList<>();

    protected Video() {
        // for JPA
    }

    public Video(String id, String title, String originalFilename, String sourcePath, long sizeBytes, Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = requireText(title, "title");
        this.originalFilename = originalFilename;
        this.sourcePath = requireText(sourcePath, "sourcePath");
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("a video has at least one byte");
        }
        this.sizeBytes = sizeBytes;
        this.status = VideoStatus.UPLOADED;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public void queue(Instant now) {
        this.status = VideoStatus.QUEUED;
        this.progress = 0;
        this.error = null;
        touch(now);
    }

    /** The job execution that processes the video reports in; a restarted job reports its new execution. */
    public void startProcessing(long executionId, Instant now) {
        this.jobExecutionId = executionId;
        this.status = VideoStatus.PROCESSING;
        this.error = null;
        touch(now);
    }

    public void recordProbe(MediaInfo info, Instant now) {
        this.container = info.container();
        this.durationSeconds = info.durationSeconds();
        info.videoStream().ifPresent(video -> {
            this.width = video.displayWidth();
            this.height = video.displayHeight();
            this.videoCodec = video.codec();
        });
        this.audioCodec = info.audioStream().map(AudioStreamInfo::codec).orElse(null);
        touch(now);
    }

    /** Progress only moves forward while processing; a late, lower report is ignored. */
    public void advanceProgress(int percent, Instant now) {
        int bounded = Math.max(0, Math.min(99, percent));
        if (status == VideoStatus.PROCESSING && bounded > progress) {
            this.progress = bounded;
            touch(now);
        }
    }

    /** Adds or replaces the thumbnail at a position, so a re-run of the step is harmless. */
    public void putThumbnail(int position, double timeSeconds, String path, int thumbWidth, int thumbHeight,
                             Instant now) {
        // Updated in place: a delete plus insert of the same position could reach the database in either order.
        thumbnails.stream().filter(t -> t.position() == position).findFirst().ifPresentOrElse(
                existing -> existing.replace(timeSeconds, path, thumbWidth, thumbHeight),
                () -> thumbnails.add(new Thumbnail(this, position, timeSeconds, path, thumbWidth, thumbHeight)));
        thumbnails.sort((a, b) -> Integer.compare(a.position(), b.position()));
        touch(now);
    }

    /** Adds or replaces the rendition of a height, so a re-run of the step is harmless. */
    public void putRendition(int renditionHeight, int renditionWidth, long bitrate, long renditionSize, String path,
                             Instant now) {
        renditions.stream().filter(r -> r.height() == renditionHeight).findFirst().ifPresentOrElse(
                existing -> existing.replace(renditionWidth, bitrate, renditionSize, path),
                () -> renditions.add(new Rendition(this, renditionHeight, renditionWidth, bitrate, renditionSize, path)));
        renditions.sort((a, b) -> Integer.compare(b.height(), a.height()));
        touch(now);
    }

    public void markReady(Instant now) {
        if (renditions.isEmpty()) {
            throw new IllegalStateException("video " + id + " has no rendition to publish");
        }
        this.status = VideoStatus.READY;
        this.progress = 100;
        this.error = null;
        touch(now);
    }

    public void markFailed(String reason, Instant now) {
        this.status = VideoStatus.FAILED;
        this.error = truncate(reason == null || reason.isBlank() ? "processing failed" : reason);
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_ERROR_LENGTH) {
            return text;
        }
        // Keep the end: ffmpeg puts the decisive line last.
        return "…" + text.substring(text.length() - MAX_ERROR_LENGTH + 1);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public Optional<Thumbnail> poster() {
        return thumbnails.stream().findFirst();
    }

    /** The tallest rendition: the progressive download. */
    public Optional<Rendition> topRendition() {
        return renditions.stream().findFirst();
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String originalFilename() {
        return originalFilename;
    }

    public String sourcePath() {
        return sourcePath;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public VideoStatus status() {
        return status;
    }

    public int progress() {
        return progress;
    }

    public String container() {
        return container;
    }

    public Double durationSeconds() {
        return durationSeconds;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public String videoCodec() {
        return videoCodec;
    }

    public String audioCodec() {
        return audioCodec;
    }

    public String error() {
        return error;
    }

    public Long jobExecutionId() {
        return jobExecutionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<Thumbnail> thumbnails() {
        return Collections.unmodifiableList(thumbnails);
    }

    public List<Rendition> renditions() {
        return Collections.unmodifiableList(renditions);
    }
}
