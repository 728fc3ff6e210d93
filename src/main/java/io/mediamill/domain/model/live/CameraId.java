package io.mediamill.domain.model.live;

import java.util.regex.Pattern;

/** A camera's name in URLs and folder names: letters, digits, '-' and '_', so it never escapes its folder. */
public record CameraId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public CameraId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new RefusedSourceException("cameraId", "a camera id is 1 to 64 letters, digits, '-' or '_', "
                    + "starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
