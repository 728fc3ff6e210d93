package io.mediamill.domain.model.video;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One rendition of the adaptive stream: a video rung (H.264) or the audio-only rendition (AAC, height 0),
 * with its HLS media playlist. {@code bitrate} is the measured average in bit/s.
 */
@Entity
@Table(name = "video_rendition")
public class Rendition {

    /** Assigned here rather than by the database, so every database and node agrees on how ids are made. */
    @Id
    @Column(name = "id", length = 36)
    private String id = UUID.randomUUID().toString();

    @ManyToOne(optional = false)
    @JoinColumn(name = "video_id", nullable = false)
    private Video video;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 8)
    private RenditionKind kind;

    @Column(name = "height", nullable = false)
    private int height;

    @Column(name = "width", nullable = false)
    private int width;

    @Column(name = "bitrate", nullable = false)
    private long bitrate;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "path", nullable = false, length = 1000)
    private String path;

    protected Rendition() {
        // for JPA
    }

    Rendition(Video video, RenditionKind kind, int height, int width, long bitrate, long sizeBytes, String path) {
        this.video = video;
        this.kind = kind;
        this.height = height;
        this.width = width;
        this.bitrate = bitrate;
        this.sizeBytes = sizeBytes;
        this.path = path;
    }

    void replace(int newWidth, long newBitrate, long newSizeBytes, String newPath) {
        this.width = newWidth;
        this.bitrate = newBitrate;
        this.sizeBytes = newSizeBytes;
        this.path = newPath;
    }

    public RenditionKind kind() {
        return kind;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public long bitrate() {
        return bitrate;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String path() {
        return path;
    }
}
