package io.mediamill.interfaces.batch.transcode;

import io.mediamill.domain.model.video.StoryboardLayout;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One picture to make for a video: the poster, a snapshot, the storyboard, or a waveform for sound only. */
sealed interface PictureRequest extends Serializable {

    /** The most representative frame around the middle. */
    record Poster(double startSeconds) implements PictureRequest {
    }

    /** One of {@code count} evenly spaced snapshots. */
    record Snapshot(int position, int count, double timeSeconds) implements PictureRequest {
    }

    record Storyboard(StoryboardLayout layout) implements PictureRequest {
    }

    /** The poster of a file without pictures. */
    record Waveform() implements PictureRequest {
    }

    /**
     * The pictures of a video, in the order they are made: poster first (it is shown soonest), then the
     * snapshots centred in equal slices (never the black first frame), then the storyboard.
     */
    static List<PictureRequest> plan(boolean hasVideo, double durationSeconds, int width, int height, int snapshots) {
        if (!hasVideo) {
            return List.of(new Waveform());
        }
        List<PictureRequest> pictures = new ArrayList<>();
        pictures.add(new Poster(Math.max(0, durationSeconds / 2 - 1)));
        for (int i = 0; i < snapshots; i++) {
            pictures.add(new Snapshot(i, snapshots, durationSeconds * (i + 0.5) / snapshots));
        }
        pictures.add(new Storyboard(StoryboardLayout.forVideo(durationSeconds, width, height)));
        return pictures;
    }
}
