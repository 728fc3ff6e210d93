package io.mediamill.infrastructure.media;

/**
 * How large a title is drawn: a twelfth of the frame's shorter side, smaller when its line would not fit in
 * nine tenths of the width. Ideographs and other wide characters are about one em wide, Latin and Cyrillic
 * letters about six tenths of one.
 */
final class TitleSize {

    private static final int SMALLEST = 12;

    private TitleSize() {
    }

    static int pixels(String title, int width, int height) {
        double ems = title.codePoints().mapToDouble(TitleSize::ems).sum();
        int largest = Math.min(width, height) / 12;
        int fitting = (int) Math.floor(width * 0.9 / Math.max(1, ems));
        return Math.max(SMALLEST, Math.min(largest, fitting));
    }

    private static double ems(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> 1.0;
            default -> Character.isWhitespace(codePoint) ? 0.3 : 0.6;
        };
    }
}
