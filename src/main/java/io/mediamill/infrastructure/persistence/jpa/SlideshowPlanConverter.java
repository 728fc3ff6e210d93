package io.mediamill.infrastructure.persistence.jpa;

import io.mediamill.domain.model.slideshow.Fit;
import io.mediamill.domain.model.slideshow.Slide;
import io.mediamill.domain.model.slideshow.SlideshowPlan;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.List;

/**
 * Stores a {@link SlideshowPlan} as JSON text, field by field, so the column's content is plain to read and does not
 * change shape with the Java classes.
 */
@Converter(autoApply = true)
public class SlideshowPlanConverter implements AttributeConverter<SlideshowPlan, String> {

    @Override
    public String convertToDatabaseColumn(SlideshowPlan plan) {
        if (plan == null) {
            return null;
        }
        JsonArrayBuilder slides = Json.createArrayBuilder();
        for (Slide slide : plan.slides()) {
            slides.add(Json.createObjectBuilder().add("file", slide.file()).add("format", slide.format())
                    .add("width", slide.width()).add("height", slide.height()).add("orientation", slide.orientation())
                    .add("seconds", slide.seconds()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("width", plan.width()).add("height", plan.height()).add("fit", plan.fit().wireName())
                .add("background", plan.background()).add("kenBurns", plan.kenBurns())
                .add("transitionSeconds", plan.transitionSeconds())
                .add("slides", slides).add("transitions", Json.createArrayBuilder(plan.transitions()));
        optional(json, "title", plan.title());
        optional(json, "audio", plan.audio());
        optional(json, "audioFormat", plan.audioFormat());
        return json.build().toString();
    }

    @Override
    public SlideshowPlan convertToEntityAttribute(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        List<Slide> slides = json.getJsonArray("slides").getValuesAs(JsonObject.class).stream()
                .map(slide -> new Slide(slide.getString("file"), slide.getString("format"), slide.getInt("width"),
                        slide.getInt("height"), slide.getInt("orientation"),
                        slide.getJsonNumber("seconds").doubleValue()))
                .toList();
        return new SlideshowPlan(json.getInt("width"), json.getInt("height"),
                Fit.parse(json.getString("fit")).orElseThrow(), json.getString("background"),
                json.getBoolean("kenBurns"), json.getString("title", null),
                json.getJsonNumber("transitionSeconds").doubleValue(), slides,
                json.getJsonArray("transitions").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                json.getString("audio", null), json.getString("audioFormat", null));
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.add(name, JsonValue.NULL);
        } else {
            json.add(name, value);
        }
    }
}
