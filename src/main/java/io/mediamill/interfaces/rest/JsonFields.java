package io.mediamill.interfaces.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads a JSON request body strictly: a field the endpoint does not know, or a field of the wrong type, is a
 * 400 naming it, instead of being silently ignored (a typo in {@code "visibilty"} must not pass as a change).
 */
final class JsonFields {

    private final JsonObject body;

    private JsonFields(JsonObject body) {
        this.body = body;
    }

    static JsonFields of(JsonObject body, Set<String> known) {
        if (body == null) {
            throw new BadRequestException("The request needs a JSON object body.");
        }
        for (String name : body.keySet()) {
            if (!known.contains(name)) {
                throw new BadRequestException("Unknown field \"" + name + "\"; the fields are " + known + ".");
            }
        }
        return new JsonFields(body);
    }

    /** The string, or null when absent or JSON null. */
    String text(String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new BadRequestException("\"" + name + "\" must be a string.");
    }

    Boolean bool(String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new BadRequestException("\"" + name + "\" must be true or false.");
    }

    Set<String> texts(String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array) || !array.stream().allMatch(JsonString.class::isInstance)) {
            throw new BadRequestException("\"" + name + "\" must be an array of strings.");
        }
        Set<String> texts = new LinkedHashSet<>();
        array.getValuesAs(JsonString.class).forEach(s -> texts.add(s.getString()));
        return texts;
    }
}
