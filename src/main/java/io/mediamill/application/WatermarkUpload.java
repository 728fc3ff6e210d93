package io.mediamill.application;

import io.mediamill.domain.model.video.Watermark;
import java.io.InputStream;

/** A watermark sent with an upload: the PNG image and where and how it goes. */
public record WatermarkUpload(InputStream image, Watermark.Corner corner, int margin, double opacity) {
}
