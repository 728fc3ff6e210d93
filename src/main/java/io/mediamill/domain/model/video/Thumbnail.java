package io.mediamill.domain.model.video;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A JPEG snapshot of a video at a point in time; the one at position 0 is the poster. */
@Entity
@Table(name = "video_thumbnail")
public class Thumbnail {

    /** Assigned here rather than by the database, so every database and node agrees on how ids are made. */
    @Id
    @Column(name = "id", length = 36)
    private String id = UUID.randomUUID().toString();

    @ManyToOne(optional = false)
    @JoinColumn(name = "video_id", nullable = false)
    private Video video;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "time_seconds", nullable = false)
    private double timeSeconds;

    @Column(name = "path", nullable = false, length = 1000)
    private String path;

    @Column(name = "width", nullable = false)
    private int width;

    @Column(name = "height", nullable = false)
    private int height;

    protected Thumbnail() {
        // for JPA
    }

    Thumbnail(Video video, int position, double timeSeconds, String path, int width, int height) {
        if (position < 0) {
            throw new IllegalArgumentException("thumbnail position must not be negative");
        }
        this.video = video;
        this.position = position;
        this.timeSeconds = timeSeconds;
        this.path = path;
        this.width = width;
        this.height = height;
    }

    void replace(double newTimeSeconds, String newPath, int newWidth, int newHeight) {
        this.timeSeconds = newTimeSeconds;
        this.path = newPath;
        this.width = newWidth;
        this.height = newHeight;
    }

    public int position() {
        return position;
    }

    public double timeSeconds() {
        return timeSeconds;
    }

    public String path() {
        return path;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
