package io.mediamill.interfaces.rest;

import io.mediamill.domain.model.video.Rendition;
import io.mediamill.domain.model.video.Thumbnail;
import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoStatus;
import io.mediamill.infrastructure.storage.MediaStorage;
import java.time.Instant;
import java.util.List;

/** A video as the API shows it: its state, media facts and the URLs of everything playable. */
public record VideoJson(String id, String title, String fileName, VideoStatus status, int progress,
                        long sizeBytes, String container, Double durationSeconds, Integer width, Integer height,
                        String videoCodec, String audioCodec, String mp4Url, String posterUrl,
                        List<String> thumbnails, List<RenditionJson> renditions, String error,
                        Instant createdAt, Instant updatedAt) {

    /** One playable MP4; {@code bitrate} is its measured average in bit/s. */
    public record RenditionJson(int height, int width, long bitrate, long sizeBytes, String url) {

        static RenditionJson of(Rendition rendition) {
            return new RenditionJson(rendition.height(), rendition.width(), rendition.bitrate(),
                    rendition.sizeBytes(), MediaStorage.url(rendition.path()));
        }
    }

    public static VideoJson of(Video video) {
        return new VideoJson(video.id(), video.title(), video.originalFilename(), video.status(), video.progress(),
                video.sizeBytes(), video.container(), video.durationSeconds(), video.width(), video.height(),
                video.videoCodec(), video.audioCodec(),
                video.topRendition().map(r -> MediaStorage.url(r.path())).orElse(null),
                video.poster().map(t -> MediaStorage.url(t.path())).orElse(null),
                video.thumbnails().stream().map(Thumbnail::path).map(MediaStorage::url).toList(),
                video.renditions().stream().map(RenditionJson::of).toList(),
                video.error(), video.createdAt(), video.updatedAt());
    }
}
