package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.application.InvalidUploadException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadFormTest {

    private static final List<String> ALL = List.of("file", "title", "visibility", "watermark", "watermarkCorner",
            "watermarkMargin", "watermarkOpacity");

    private final UploadForm.Parts parts = UploadForm.VIDEO.parts();

    @Test
    void theKnownPartsAreTakenOnceEachAndReadByKind() {
        for (String name : ALL) {
            parts.start();
            assertEquals(name.equals("file") || name.equals("watermark") ? UploadForm.Kind.FILE : UploadForm.Kind.TEXT,
                    parts.named(name), name);
        }
    }

    @Test
    void anUnknownPartIsRefusedByName() {
        parts.start();

        InvalidUploadException refused = assertThrows(InvalidUploadException.class, () -> parts.named("thumbnail"));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("\"thumbnail\""), refused.getMessage());
        assertTrue(refused.getMessage().contains("file, title"), "says what is taken: " + refused.getMessage());
    }

    @Test
    void namesAreExact() {
        parts.start();

        assertThrows(InvalidUploadException.class, () -> parts.named("File"));
    }

    @Test
    void aRepeatedPartIsRefusedByName() {
        parts.start();
        parts.named("title");
        parts.start();

        InvalidUploadException refused = assertThrows(InvalidUploadException.class, () -> parts.named("title"));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("\"title\" appears more than once"), refused.getMessage());
    }

    @Test
    void aPartWithoutANameIsRefused() {
        parts.start();
        parts.named("file");
        parts.start();

        InvalidUploadException refused = assertThrows(InvalidUploadException.class, () -> parts.named(null));

        assertTrue(refused.getMessage().startsWith("Part 2 of the form has no name"), refused.getMessage());
    }

    @Test
    void onePartMoreThanTheFormHasIsRefusedBeforeItsHeadersAreRead() {
        for (String name : ALL) {
            parts.start();
            parts.named(name);
        }

        InvalidUploadException refused = assertThrows(InvalidUploadException.class, parts::start);

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("more than " + ALL.size() + " parts"), refused.getMessage());
    }

    @Test
    void hostileNamesAreQuotedPrintableAndShort() {
        parts.start();

        InvalidUploadException refused = assertThrows(InvalidUploadException.class,
                () -> parts.named("evil\r\nname" + "x".repeat(5000)));

        assertTrue(refused.getMessage().contains("\"evil??name"), refused.getMessage());
        assertTrue(refused.getMessage().length() < 400, refused.getMessage());
    }

    @Test
    void anOversizedTextFieldIsRefusedByName() {
        InvalidUploadException refused = UploadForm.textTooLarge("title");

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("\"title\" is larger than the limit of 4096 bytes"), refused.getMessage());
    }
}
