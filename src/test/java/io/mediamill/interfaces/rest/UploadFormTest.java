package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.application.InvalidUploadException;
import io.mediamill.application.slideshow.RefusedCompositionException;
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

    @Test
    void aCompositionTakesFiftyImagesAndTheFiftyFirstIsRefusedAsTheCompositionsOwnRule() {
        UploadForm.Parts composition = UploadForm.COMPOSITION.parts();
        for (int i = 0; i < 50; i++) {
            composition.start();
            assertEquals(UploadForm.Kind.FILE, composition.named("image"));
        }
        composition.start();

        RefusedCompositionException refused = assertThrows(RefusedCompositionException.class,
                () -> composition.named("image"));

        assertEquals("image", refused.part());
        assertEquals(422, refused.status());
        assertTrue(refused.getMessage().contains("at most 50 images"), refused.getMessage());
    }

    @Test
    void aCompositionTakesOneAudioAndItsOptionsButNoVideoFile() {
        UploadForm.Parts composition = UploadForm.COMPOSITION.parts();
        composition.start();
        assertEquals(UploadForm.Kind.FILE, composition.named("audio"));
        composition.start();
        assertEquals(UploadForm.Kind.TEXT, composition.named("transitionSeconds"));
        composition.start();

        assertEquals(400, assertThrows(InvalidUploadException.class, () -> composition.named("audio")).status());
        composition.start();
        InvalidUploadException file = assertThrows(InvalidUploadException.class, () -> composition.named("file"));
        assertTrue(file.getMessage().contains("image, audio, title"), file.getMessage());
    }
}
