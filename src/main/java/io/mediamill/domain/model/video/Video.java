package io.mediamill.domain.model.video;

import io.mediamill.domain.model.slideshow.SlideshowPlan;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
@NamedQuery(name = "Video.findByOwnerNewestFirst",
        query = "SELECT v FROM Video v WHERE v.owner = :owner ORDER BY v.createdAt DESC, v.id")
@NamedQuery(name = "Video.countByStatus", query = "SELECT COUNT(v) FROM Video v WHERE v.status = :status")
@NamedQuery(name = "Video.countByOwner", query = "SELECT COUNT(v) FROM Video v WHERE v.owner = :owner")
@NamedQuery(name = "Video.findByOwnerAndSha256",
        query = "SELECT v FROM Video v WHERE v.owner = :owner AND v.sha256 = :sha256 ORDER BY v.createdAt")
public class Video {

    /** The part of a composed video's progress that composing it takes; processing the result takes the rest. */
    public static final int COMPOSING_SHARE = 40;

    /** The owner of videos uploaded before there were users: only operators see them. */
    public static final String ANONYMOUS = "anonymous";

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

    @Column(name = "owner", nullable = false, length = 100)
    private String owner = ANONYMOUS;

    /** SHA-256 of the uploaded bytes, hex: the same content uploaded again by its owner is this video. */
    @Column(name = "sha256", length = 64)
    private String sha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false, length = 16)
    private Visibility visibility = Visibility.PRIVATE;

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

    @Column(name = "pixel_format", length = 32)
    private String pixelFormat;

    @Column(name = "bit_rate")
    private Long bitRate;

    @Column(name = "rotation")
    private Integer rotation;

    @Column(name = "has_audio")
    private Boolean hasAudio;

    @Embedded
    private Watermark watermark;

    /** The HLS master playlist, the DASH manifest: both over one set of CMAF segments. */
    @Column(name = "hls_path", length = 1000)
    private String hlsPath;

    @Column(name = "dash_path", length = 1000)
    private String dashPath;

    /** The progressive MP4 (or M4A for audio) of the top rendition. */
    @Column(name = "download_path", length = 1000)
    private String downloadPath;

    @Column(name = "poster_path", length = 1000)
    private String posterPath;

    /** The WebVTT thumbnails track pointing into the storyboard sprite. */
    @Column(name = "storyboard_path", length = 1000)
    private String storyboardPath;

    @Column(name = "error", length = MAX_ERROR_LENGTH)
    private String error;

    /** What a composed video is made of; null for an uploaded one. */
    @Column(name = "composition")
    private SlideshowPlan composition;

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

    public void identifyContent(String owner, String sha256) {
        this.owner = Objects.requireNonNull(owner);
        this.sha256 = sha256;
    }

    /** A new title chosen by its owner; never blank, at most as long as the column. */
    public void retitle(String newTitle, Instant now) {
        String stripped = requireText(newTitle, "title").strip();
        if (stripped.isEmpty() || stripped.length() > 500) {
            throw new IllegalArgumentException("a title has 1 to 500 characters");
        }
        this.title = stripped;
        touch(now);
    }

    /** Private (owner and operators) or unlisted (anyone with the link). */
    public void changeVisibility(Visibility newVisibility, Instant now) {
        this.visibility = Objects.requireNonNull(newVisibility, "visibility");
        touch(now);
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
        this.bitRate = info.bitRate();
        info.videoStream().ifPresent(video -> {
            this.width = video.displayWidth();
            this.height = video.displayHeight();
            this.videoCodec = video.codec();
            this.pixelFormat = video.pixelFormat();
            this.rotation = video.rotation();
        });
        this.audioCodec = info.audioStream().map(AudioStreamInfo::codec).orElse(null);
        this.hasAudio = info.hasAudio();
        touch(now);
    }

    /** A restart of the failed or stopped job execution continues the processing. */
    public void resume(Instant now) {
        if (status != VideoStatus.FAILED || jobExecutionId == null) {
            throw new VideoStateException("only a failed video can be restarted; video " + id + " is " + status);
        }
        this.status = VideoStatus.PROCESSING;
        this.error = null;
        touch(now);
    }

    public void attachExecution(long executionId, Instant now) {
        this.jobExecutionId = executionId;
        touch(now);
    }

    public void applyWatermark(Watermark newWatermark) {
        this.watermark = newWatermark;
    }

    public void recordStream(String hls, String dash, Instant now) {
        this.hlsPath = hls;
        this.dashPath = dash;
        touch(now);
    }

    public void recordDownload(String path, Instant now) {
        this.downloadPath = path;
        touch(now);
    }

    public void recordPoster(String path, Instant now) {
        this.posterPath = path;
        touch(now);
    }

    public void recordStoryboard(String path, Instant now) {
        this.storyboardPath = path;
        touch(now);
    }

    /** Progress only moves forward while processing; a late, lower report is ignored. */
    /**
     * Processing's progress; for a composed video it fills the part after {@link #COMPOSING_SHARE}, composing
     * having filled the part before.
     */
    public void advanceProgress(int percent, Instant now) {
        raiseProgress(composition == null ? percent : COMPOSING_SHARE + percent * (100 - COMPOSING_SHARE) / 100, now);
    }

    /** How far composing has come, 0–100, shown as the first {@link #COMPOSING_SHARE} percent of the whole. */
    public void advanceComposing(int percent, Instant now) {
        raiseProgress(Math.max(0, Math.min(100, percent)) * COMPOSING_SHARE / 100, now);
    }

    /** The video to be composed from {@code plan} (its images and music already in its folder). */
    public void composeFrom(SlideshowPlan plan) {
        this.composition = Objects.requireNonNull(plan, "plan");
    }

    /** The composed MP4 is in place, as the video's source; {@code bytes} is its size. */
    public void recordComposed(long bytes, Instant now) {
        if (bytes > 0) {
            this.sizeBytes = bytes;
        }
        advanceComposing(100, now);
    }

    public Optional<SlideshowPlan> composition() {
        return Optional.ofNullable(composition);
    }

    private void raiseProgress(int percent, Instant now) {
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

    /**
     * Adds or replaces the rendition of a height (0 for audio), so a re-run of the step is harmless; a
     * rendition no longer produced is dropped.
     */
    public void replaceRenditions(List<RenditionSpec> produced, Instant now) {
        renditions.removeIf(r -> produced.stream().noneMatch(p -> p.height() == r.height()));
        for (RenditionSpec spec : produced) {
            renditions.stream().filter(r -> r.height() == spec.height()).findFirst().ifPresentOrElse(
                    existing -> existing.replace(spec.width(), spec.bitrate(), spec.sizeBytes(), spec.path()),
                    () -> renditions.add(new Rendition(this, spec.kind(), spec.height(), spec.width(), spec.bitrate(),
                            spec.sizeBytes(), spec.path())));
        }
        renditions.sort((a, b) -> Integer.compare(b.height(), a.height()));
        touch(now);
    }

    public void markReady(Instant now) {
        if (renditions.isEmpty() || hlsPath == null || downloadPath == null) {
            throw new IllegalStateException("video " + id + " has no stream or download to publish");
        }
        this.status = VideoStatus.READY;
        this.progress = 100;
        this.error = null;
        touch(now);
    }

    /** An attempt failed and another is due later: the video waits in the queue, saying why. */
    public void awaitRetry(String reason, Instant now) {
        if (status.isFinal()) {
            throw new VideoStateException("video " + id + " is " + status + " and waits for no retry");
        }
        this.status = VideoStatus.QUEUED;
        this.error = truncate(reason);
        touch(now);
    }

    /** What went wrong in the attempt running now; whether it was the last is the queue's to say. */
    public void recordError(String reason, Instant now) {
        this.error = truncate(reason == null || reason.isBlank() ? "processing failed" : reason);
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

    public String owner() {
        return owner;
    }

    public String sha256() {
        return sha256;
    }

    public Visibility visibility() {
        return visibility;
    }

    public String pixelFormat() {
        return pixelFormat;
    }

    public Long bitRate() {
        return bitRate;
    }

    public int rotation() {
        return rotation == null ? 0 : rotation;
    }

    public boolean hasAudio() {
        return Boolean.TRUE.equals(hasAudio);
    }

    public boolean hasVideo() {
        return width != null && height != null;
    }

    /** The probe step records whether there is audio either way; before it, nothing is known. */
    public boolean isProbed() {
        return hasAudio != null;
    }

    /** The probed facts processing decides on; valid once the probe step has run. */
    public SourceFacts sourceFacts() {
        return new SourceFacts(width == null ? 0 : width, height == null ? 0 : height, videoCodec, pixelFormat,
                rotation(), bitRate, hasAudio(), audioCodec, watermark().isPresent());
    }

    public Optional<Watermark> watermark() {
        return Optional.ofNullable(watermark).filter(w -> w.path() != null);
    }

    public String hlsPath() {
        return hlsPath;
    }

    public String dashPath() {
        return dashPath;
    }

    public String downloadPath() {
        return downloadPath;
    }

    public String posterPath() {
        return posterPath;
    }

    public String storyboardPath() {
        return storyboardPath;
    }

    public List<Thumbnail> thumbnails() {
        return Collections.unmodifiableList(thumbnails);
    }

    public List<Rendition> renditions() {
        return Collections.unmodifiableList(renditions);
    }
}
