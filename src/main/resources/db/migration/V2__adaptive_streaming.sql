-- Adaptive streaming: one CMAF segment set with an HLS master playlist and a DASH manifest, a progressive
-- download, a poster and a storyboard per video; the probe facts the fast path decides on; watermarks.
ALTER TABLE video ADD COLUMN hls_path VARCHAR(1000);
ALTER TABLE video ADD COLUMN dash_path VARCHAR(1000);
ALTER TABLE video ADD COLUMN download_path VARCHAR(1000);
ALTER TABLE video ADD COLUMN poster_path VARCHAR(1000);
ALTER TABLE video ADD COLUMN storyboard_path VARCHAR(1000);
ALTER TABLE video ADD COLUMN pixel_format VARCHAR(32);
ALTER TABLE video ADD COLUMN bit_rate BIGINT;
ALTER TABLE video ADD COLUMN rotation INT;
ALTER TABLE video ADD COLUMN has_audio BOOLEAN;
ALTER TABLE video ADD COLUMN watermark_path VARCHAR(1000);
ALTER TABLE video ADD COLUMN watermark_corner VARCHAR(16);
ALTER TABLE video ADD COLUMN watermark_margin INT;
ALTER TABLE video ADD COLUMN watermark_opacity DOUBLE;

-- Renditions are now video rungs or the audio-only rendition (height 0), each with its own playlist.
ALTER TABLE video_rendition ADD COLUMN kind VARCHAR(8) DEFAULT 'VIDEO' NOT NULL;
