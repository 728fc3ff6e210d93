package io.mediamill.domain.model.video;

import java.util.Locale;

/**
 * The storyboard of a video: up to 100 small tiles, one every {@code intervalSeconds}, in one sprite image
 * with at most 10 columns; and the WebVTT thumbnails track that maps each stretch of time to its tile
 * ({@code sprite.jpg#xywh=x,y,w,h}), which players use for previews on the seek bar.
 */
public record StoryboardLayout(double durationSeconds, double intervalSeconds, int tiles, int columns, int rows,
                               int tileWidth, int tileHeight) {

    static final int MAX_TILES = 100;
    static final int MAX_COLUMNS = 10;
    static final int TILE_WIDTH = 160;

    public static StoryboardLayout forVideo(double durationSeconds, int width, int height) {
        double duration = Math.max(durationSeconds, 0.001);
        double interval = Math.max(1.0, duration / MAX_TILES);
        int tiles = Math.max(1, Math.min(MAX_TILES, (int) Math.ceil(duration / interval)));
        int columns = Math.min(MAX_COLUMNS, tiles);
        int rows = (tiles + columns - 1) / columns;
        int tileHeight = Math.max(2, (int) Math.round(TILE_WIDTH * (double) height / width / 2) * 2);
        return new StoryboardLayout(duration, interval, tiles, columns, rows, TILE_WIDTH, tileHeight);
    }

    public String webVtt(String spriteUrl) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < tiles; i++) {
            double start = i * intervalSeconds;
            double end = Math.min(durationSeconds, (i + 1) * intervalSeconds);
            int x = (i % columns) * tileWidth;
            int y = (i / columns) * tileHeight;
            vtt.append('\n').append(timestamp(start)).append(" --> ").append(timestamp(end)).append('\n')
                    .append(spriteUrl).append("#xywh=").append(x).append(',').append(y).append(',')
                    .append(tileWidth).append(',').append(tileHeight).append('\n');
        }
        return vtt.toString();
    }

    private static String timestamp(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d",
                millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }
}
