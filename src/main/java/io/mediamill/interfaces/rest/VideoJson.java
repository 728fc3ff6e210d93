package io.mediamill.interfaces.rest;

import io.mediamill.domain.model.video.Rendition;
import io.mediamill.domain.model.video.RenditionKind;
import io.mediamill.domain.model.video.Thumbnail;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoStatus;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A video as the API shows it: its state, media facts and the URLs of everything playable, signed so that
 * players outside the browser session can fetch them until they expire.
 */
@JsonbPropertyOrder({"id", "title", "fileName", "visibility", "status", "progress", "error", "durationSeconds", "width",
        "height", "sizeBytes", "sha256", "container", "videoCodec", "audioCodec", "hlsUrl", "dashUrl", "mp4Url", "posterUrl",
        "storyboardUrl", "thumbnails", "renditions", "createdAt", "updatedAt"})
public record VideoJson(String id, String title, String fileName, String visibility, VideoStatus status, int progress,
                        String error,
                        Double durationSeconds, Integer width, Integer height, long sizeBytes, String sha256,
                        String container,
                        String videoCodec, String audioCodec, String hlsUrl, String dashUrl, String mp4Url,
                        String posterUrl, String storyboardUrl, List<String> thumbnails, List<RenditionJson> renditions,
                        Instant createdAt, Instant updatedAt) {

    /** One rendition of the stream (a video rung, or the audio at height 0) with its HLS media playlist. */
    @JsonbPropertyOrder({"kind", "height", "width", "bitrate", "sizeBytes", "url"})
    public record RenditionJson(RenditionKind kind, int height, int width, long bitrate, long sizeBytes, String url) {

        static RenditionJson of(Rendition rendition, UnaryOperator<String> mediaUrl) {
            return new RenditionJson(rendition.kind(), rendition.height(), rendition.width(), rendition.bitrate(),
                    rendition.sizeBytes(), mediaUrl.apply(rendition.path()));
        }
    }

    /** The video with {@code mediaUrl} turning each file's path on the media volume into its URL. */
    public static VideoJson of(Video video, UnaryOperator<String> mediaUrl) {
        return new VideoJson(video.id(), video.title(), video.originalFilename(), video.visibility().label(),
                video.status(), video.progress(), video.error(), video.durationSeconds(), video.width(), video.height(),
                video.sizeBytes(), video.sha256(), video.container(), video.videoCodec(), video.audioCodec(),
                mediaUrl.apply(video.hlsPath()), mediaUrl.apply(video.dashPath()),
                mediaUrl.apply(video.downloadPath()), mediaUrl.apply(video.posterPath()),
                mediaUrl.apply(video.storyboardPath()),
                video.thumbnails().stream().map(Thumbnail::path).map(mediaUrl).toList(),
                video.renditions().stream().map(rendition -> RenditionJson.of(rendition, mediaUrl)).toList(),
                video.createdAt(), video.updatedAt());
    }
}
