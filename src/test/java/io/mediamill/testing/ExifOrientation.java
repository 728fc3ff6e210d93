package io.mediamill.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Gives a JPEG an EXIF orientation, as a phone's camera does: an APP1 segment with the one tag, after SOI. */
public final class ExifOrientation {

    private ExifOrientation() {
    }

    public static Path write(Path jpeg, Path target, int orientation) throws IOException {
        byte[] original = Files.readAllBytes(jpeg);
        if ((original[0] & 0xFF) != 0xFF || (original[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException(jpeg + " is not a JPEG");
        }
        byte[] exif = {
            (byte) 0xFF, (byte) 0xE1, 0, 34,                   // APP1 and its length (from here, with itself)
            'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8,                       // big-endian TIFF header, first IFD at 8
            0, 1,                                              // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0                                         // no next IFD
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + exif.length);
        out.write(original, 0, 2);
        out.write(exif);
        out.write(original, 2, original.length - 2);
        return Files.write(target, out.toByteArray());
    }
}
