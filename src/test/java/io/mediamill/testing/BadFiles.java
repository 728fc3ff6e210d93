package io.mediamill.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

/**
 * Bad files for the drills' bad-input bank and the upload tests, made on the spot: broken, disguised or lying
 * media, each built from a small good file that ffmpeg generates, then cut, overwritten or patched where its
 * container keeps the numbers.
 */
public final class BadFiles {

    private final TestMedia media;
    private final Random random = new Random(16);

    public BadFiles(TestMedia media) {
        this.media = media;
    }

    /** A small good video, unique bytes each time (the service keeps identical content once per owner). */
    public Path good(String name) {
        return media.mp4(name + "-" + UUID.randomUUID() + ".mp4", 320, 240, 2);
    }

    public Path empty(String name) {
        return write(name, new byte[0]);
    }

    public Path randomBytes(String name, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return write(name, bytes);
    }

    public Path text(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public Path png(String name) {
        Path png = media.ffmpeg("-f", "lavfi", "-i", "color=c=orange:s=320x240", "-frames:v", "1", "-c:v", "png",
                "-f", "image2pipe", media.file(name + ".png-real").toString());
        return copy(png, name);
    }

    /** A PDF: its header, one empty page and the trailer, as a text editor would save one. */
    public Path pdf(String name) {
        return text(name, "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n");
    }

    /** An MP4 written with its index at the end, cut just before the index: all of mdat, no moov. */
    public Path withoutMoov(String name) {
        byte[] mp4 = read(media.generate(name + "-whole.mp4", 320, 240, 2, true, "-c:v", "libx264", "-preset",
                "ultrafast", "-c:a", "aac"));
        int moov = indexOf(mp4, "moov", 0) - 4;
        return write(name, Arrays.copyOf(mp4, moov));
    }

    /** An MP4 with its index first (faststart), cut in the middle of its media data. */
    public Path cutInMdat(String name) {
        byte[] mp4 = read(media.generate(name + "-whole.mp4", 320, 240, 4, true, "-c:v", "libx264", "-preset",
                "ultrafast", "-c:a", "aac", "-movflags", "+faststart"));
        int mdat = indexOf(mp4, "mdat", 0);
        return write(name, Arrays.copyOf(mp4, mdat + (mp4.length - mdat) / 2));
    }

    /**
     * A Motion-JPEG MOV whose every frame and sample description claim 65500x65500 pixels, a picture no
     * decoder should try to allocate (about 16 GiB in yuv420p).
     */
    public Path hugeDimensions(String name) {
        byte[] mov = read(media.generate(name + "-small.mov", 64, 48, 1, false, "-c:v", "mjpeg", "-q:v", "5",
                "-f", "mov"));
        // Every JPEG's start-of-frame (FF C0, length, precision, height, width) and the sample entry's width, height.
        for (int at = 0; at + 9 < mov.length; at++) {
            if ((mov[at] & 0xFF) == 0xFF && (mov[at + 1] & 0xFF) == 0xC0) {
                putShort(mov, at + 5, 65500);
                putShort(mov, at + 7, 65500);
            }
        }
        int entry = indexOf(mov, "jpeg", indexOf(mov, "stsd", 0)) - 4;
        putShort(mov, entry + 32, 65500);
        putShort(mov, entry + 34, 65500);
        return write(name, mov);
    }

    /** An MP4 without a single frame: a video stream of no samples. */
    public Path noFrames(String name) {
        return copy(media.ffmpeg("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-frames:v", "0", "-c:v", "libx264",
                "-f", "mp4", media.file(name + "-empty.mp4").toString()), name);
    }

    /** A 2 s MP4 whose movie and track headers say it lasts ten hours. */
    public Path tenHoursDeclared(String name) {
        byte[] mp4 = read(media.generate(name + "-short.mp4", 320, 240, 2, false, "-c:v", "libx264", "-preset",
                "ultrafast"));
        // mvhd and mdhd (version 0): size, type, version+flags, created, modified, timescale, duration.
        for (String box : new String[] {"mvhd", "mdhd"}) {
            for (int at = indexOf(mp4, box, 0); at >= 0; at = indexOf(mp4, box, at + 4)) {
                long timescale = ByteBuffer.wrap(mp4, at + 16, 4).getInt() & 0xFFFFFFFFL;
                ByteBuffer.wrap(mp4, at + 20, 4).putInt((int) Math.min(0xFFFFFFFFL, timescale * 36_000));
            }
        }
        return write(name, mp4);
    }

    public Path audioOnly(String name) {
        return copy(media.ffmpeg("-f", "lavfi", "-i", "sine=frequency=330:duration=2", "-c:a", "aac",
                "-metadata", "comment=" + UUID.randomUUID(), "-f", "mp4", media.file(name + "-audio.m4a").toString()), name);
    }

    public Path videoOnly(String name) {
        return media.generate(name + "-" + UUID.randomUUID() + ".mp4", 320, 240, 2, false, "-c:v", "libx264",
                "-preset", "ultrafast");
    }

    /** An MPEG-TS whose middle fifth is overwritten with random bytes: damaged frames between good ones. */
    public Path corruptMiddle(String name) {
        byte[] ts = read(media.generate(name + "-whole.ts", 320, 240, 4, true, "-c:v", "libx264", "-preset",
                "ultrafast", "-c:a", "aac", "-f", "mpegts"));
        byte[] noise = new byte[ts.length / 5];
        random.nextBytes(noise);
        System.arraycopy(noise, 0, ts, ts.length * 2 / 5, noise.length);
        return write(name, ts);
    }

    /** An MP4 whose video sample entry names a codec nobody has ('zzzz' instead of 'avc1'). */
    public Path unknownCodec(String name) {
        byte[] mp4 = read(media.generate(name + "-avc.mp4", 320, 240, 2, true, "-c:v", "libx264", "-preset",
                "ultrafast", "-c:a", "aac"));
        int entry = indexOf(mp4, "avc1", indexOf(mp4, "stsd", 0));
        System.arraycopy("zzzz".getBytes(StandardCharsets.US_ASCII), 0, mp4, entry, 4);
        return write(name, mp4);
    }

    /** {@code length} bytes of a valid MP4's start followed by zeros: large, and cheap to make. */
    /** A one-frame Motion-JPEG MOV whose real picture is wider than any camera makes (8208x16). */
    public Path tooWide(String name) {
        return media.ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=8208x16", "-frames:v", "1", "-c:v", "mjpeg",
                "-pix_fmt", "yuvj420p", media.file(name).toString());
    }

    public Path padded(String name, long length) {
        Path file = media.file(name);
        try {
            Files.write(file, read(good(name + "-head")));
            try (var channel = Files.newByteChannel(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.position(length - 1);
                channel.write(ByteBuffer.wrap(new byte[1]));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path copy(Path from, String name) {
        return write(name, read(from));
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(media.file(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] bytes, String ascii, int from) {
        byte[] wanted = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int at = Math.max(0, from); at + wanted.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + wanted.length, wanted, 0, wanted.length)) {
                return at;
            }
        }
        return -1;
    }

    private static void putShort(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >> 8);
        bytes[at + 1] = (byte) value;
    }
}
