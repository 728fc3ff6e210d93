package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttachmentTest {

    @Test
    void asciiNamesAppearTwiceAsTheyAre() {
        assertEquals("attachment; filename=\"holiday.mp4\"; filename*=UTF-8''holiday.mp4",
                Attachment.contentDisposition("holiday.mp4"));
    }

    @Test
    void otherNamesGetAnAsciiFallbackAndTheirUtf8BytesPercentEncoded() {
        assertEquals("attachment; filename=\"_____ __.mp4\"; filename*=UTF-8''%D0%92%D0%B8%D0%B4%D0%B5%D0%BE%20%E6%97%85%E8%A1%8C.mp4",
                Attachment.contentDisposition("Видео 旅行.mp4"));
        assertEquals("attachment; filename=\"a_b_c_d_.mp4\"; filename*=UTF-8''a%22b%5Cc%25d%F0%9F%8E%AC.mp4",
                Attachment.contentDisposition("a\"b\\c%d\uD83C\uDFAC.mp4"));
        assertEquals("attachment; filename=\"x;y=z.html\"; filename*=UTF-8''x%3By%3Dz.html",
                Attachment.contentDisposition("x;y=z.html"));
    }

    @Test
    void noNameIsOriginal() {
        assertEquals("attachment; filename=\"original\"; filename*=UTF-8''original", Attachment.contentDisposition(null));
    }
}
