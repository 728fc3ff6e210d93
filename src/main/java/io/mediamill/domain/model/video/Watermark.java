package io.mediamill.domain.model.video;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An image laid over every video rendition: where (corner and margin in pixels) and how opaque (0–1]. */
@Embeddable
public class Watermark {

    /** Which corner of the picture the image sits in. */
    public enum Corner {
        TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT
    }

    @Column(name = "watermark_path", length = 1000)
    private String path;

    @Enumerated(EnumType.STRING)
    @Column(name = "watermark_corner", length = 16)
    private Corner corner;

    @Column(name = "watermark_margin")
    private Integer margin;

    @Column(name = "watermark_opacity")
    private Double opacity;

    protected Watermark() {
        // for JPA
    }

    public Watermark(String path, Corner corner, int margin, double opacity) {
        if (margin < 0 || margin > 1000) {
            throw new IllegalArgumentException("the watermark margin must be between 0 and 1000 pixels");
        }
        if (!(opacity > 0 && opacity <= 1)) {
            throw new IllegalArgumentException("the watermark opacity must be above 0 and at most 1");
        }
        this.path = path;
        this.corner = corner;
        this.margin = margin;
        this.opacity = opacity;
    }

    public String path() {
        return path;
    }

    public Corner corner() {
        return corner;
    }

    public int margin() {
        return margin;
    }

    public double opacity() {
        return opacity;
    }
}
