package io.mediamill.infrastructure.media;

import io.mediamill.domain.model.video.AudioStreamInfo;
import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.domain.model.video.VideoStreamInfo;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * Reads the JSON of {@code ffprobe -show_format -show_streams}. ffprobe writes most numbers as strings and
 * omits what it does not know, so every field is optional here.
 */
public final class FfprobeJsonParser {

    public MediaInfo parse(String json) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("ffprobe output is not JSON: " + e.getMessage(), e);
        }
        JsonObject format = root.getJsonObject("format");
        JsonArray streams = root.containsKey("streams") ? root.getJsonArray("streams") : JsonValue.EMPTY_JSON_ARRAY;
        VideoStreamInfo video = null;
        AudioStreamInfo audio = null;
        for (JsonValue value : streams) {
            JsonObject stream = value.asJsonObject();
            String type = text(stream, "codec_type");
            if ("video".equals(type) && video == null && !isAttachedPicture(stream)) {
                video = videoStream(stream);
            } else if ("audio".equals(type) && audio == null) {
                audio = audioStream(stream);
            }
        }
        return new MediaInfo(
                format == null ? null : text(format, "format_name"),
                format == null ? null : decimal(format, "duration"),
                format == null ? null : integer(format, "bit_rate"),
                video, audio);
    }

    /**
     * A still image as {@link FfprobeCommands#image} reads it: the size of its first decoded picture (none when
     * it could not be decoded) and the EXIF orientation ffmpeg's decoder found (1 when there is none).
     */
    public ImageFacts parseImage(String json) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("ffprobe output is not JSON: " + e.getMessage(), e);
        }
        JsonObject format = root.getJsonObject("format");
        JsonArray frames = root.containsKey("frames") ? root.getJsonArray("frames") : JsonValue.EMPTY_JSON_ARRAY;
        if (frames.isEmpty()) {
            return new ImageFacts(format == null ? null : text(format, "format_name"), 0, 0, 1, false);
        }
        JsonObject frame = frames.getJsonObject(0);
        JsonObject tags = frame.getJsonObject("tags");
        Long orientation = tags == null ? null : integer(tags, "Orientation");
        int exif = orientation == null || orientation < 1 || orientation > 8 ? 1 : orientation.intValue();
        return new ImageFacts(format == null ? null : text(format, "format_name"), orZero(integer(frame, "width")),
                orZero(integer(frame, "height")), exif, true);
    }

    private static VideoStreamInfo videoStream(JsonObject stream) {
        return new VideoStreamInfo(text(stream, "codec_name"),
                orZero(integer(stream, "width")), orZero(integer(stream, "height")),
                rotation(stream), text(stream, "pix_fmt"), frameRate(stream));
    }

    private static AudioStreamInfo audioStream(JsonObject stream) {
        return new AudioStreamInfo(text(stream, "codec_name"),
                orZero(integer(stream, "channels")), orZero(integer(stream, "sample_rate")));
    }

    /** Cover art in audio files shows up as a one-frame "video" stream; it is not video. */
    private static boolean isAttachedPicture(JsonObject stream) {
        JsonObject disposition = stream.getJsonObject("disposition");
        return disposition != null && Long.valueOf(1).equals(integer(disposition, "attached_pic"));
    }

    /** Newer ffprobe reports rotation in the display matrix side data, older in a "rotate" tag. */
    private static int rotation(JsonObject stream) {
        JsonArray sideData = stream.getJsonArray("side_data_list");
        if (sideData != null) {
            for (JsonValue value : sideData) {
                Long rotation = integer(value.asJsonObject(), "rotation");
                if (rotation != null) {
                    return normalize(rotation.intValue());
                }
            }
        }
        JsonObject tags = stream.getJsonObject("tags");
        Long rotate = tags == null ? null : integer(tags, "rotate");
        return rotate == null ? 0 : normalize(rotate.intValue());
    }

    private static int normalize(int degrees) {
        return ((degrees % 360) + 360) % 360;
    }

    private static Double frameRate(JsonObject stream) {
        String rate = text(stream, "avg_frame_rate");
        if (rate == null || rate.startsWith("0")) {
            rate = text(stream, "r_frame_rate");
        }
        if (rate == null) {
            return null;
        }
        String[] parts = rate.split("/");
        try {
            double numerator = Double.parseDouble(parts[0]);
            double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return denominator == 0 || numerator == 0 ? null : numerator / denominator;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return null;
    }

    private static Double decimal(JsonObject object, String key) {
        String text = text(object, key);
        if (text == null || text.equals("N/A")) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long integer(JsonObject object, String key) {
        Double value = decimal(object, key);
        return value == null ? null : Math.round(value);
    }

    private static int orZero(Long value) {
        return value == null ? 0 : value.intValue();
    }
}
