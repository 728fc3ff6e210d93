package io.mediamill.interfaces.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The version of a file a response serves, as HTTP validators: its length, its modification time in whole
 * seconds (what Last-Modified can carry) and an ETag made of both. Files here are replaced by renames, never
 * rewritten in place, so these change whenever the content does.
 */
public record FileVersion(long length, long lastModifiedMillis, String etag) {

    public static FileVersion of(Path file) {
        try {
            long length = Files.size(file);
            long lastModified = Files.getLastModifiedTime(file).toMillis() / 1000 * 1000;
            return new FileVersion(length, lastModified,
                    "\"" + Long.toHexString(length) + "-" + Long.toHexString(lastModified) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String lastModifiedHeader() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
                .format(Instant.ofEpochMilli(lastModifiedMillis).atOffset(ZoneOffset.UTC));
    }

    /**
     * If-Range: a Range applies only while the file is still the one the client has part of, named by its
     * ETag or its Last-Modified date. No header at all leaves the Range standing.
     */
    public boolean satisfiesIfRange(String ifRange) {
        if (ifRange == null) {
            return true;
        }
        String validator = ifRange.strip();
        if (validator.startsWith("\"")) {
            return validator.equals(etag);
        }
        try {
            return ZonedDateTime.parse(validator, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli()
                    == lastModifiedMillis;
        } catch (DateTimeParseException unparseable) {
            return false;
        }
    }
}
