package io.mediamill.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a watermark image may be: a PNG (it carries the transparency), small on disk and in pixels. A
 * watermark is overlaid on every frame of every rendition, so an oversized one costs memory and time in each
 * encode; it is refused at upload instead.
 */
public final class WatermarkImage {

    /** The largest watermark file taken; the multipart reader stops reading a watermark part past it. */
    public static final long MAX_BYTES = 2L << 20;
    /** The largest width or height, in pixels. */
    public static final long MAX_SIDE = 4096;

    private WatermarkImage() {
    }

    /** The refusal of a watermark file larger than {@link #MAX_BYTES}. */
    public static InvalidUploadException tooLarge() {
        return new InvalidUploadException(422, "The watermark is larger than the limit of " + MAX_BYTES + " bytes (2 MiB).");
    }

    /**
     * Checks a received watermark file.
     *
     * @throws InvalidUploadException 400 when it is not a PNG, 422 when it is too large in bytes or pixels
     */
    static void check(Path image) {
        try (InputStream in = Files.newInputStream(image)) {
            if (Files.size(image) > MAX_BYTES) {
                throw tooLarge();
            }
            PngHeader png = PngHeader.read(in)
                    .orElseThrow(() -> new InvalidUploadException("The watermark must be a PNG image."));
            if (png.width() > MAX_SIDE || png.height() > MAX_SIDE) {
                throw new InvalidUploadException(422, "The watermark is " + png.width() + "x" + png.height()
                        + " pixels; it may be at most " + MAX_SIDE + " pixels on a side.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the watermark", e);
        }
    }
}
