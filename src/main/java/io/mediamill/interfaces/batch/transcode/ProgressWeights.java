package io.mediamill.interfaces.batch.transcode;

/**
 * Maps the steps onto the video's 0–100: probing is quick (to 5), pictures are cheap (to 15), the ladder
 * encode is the bulk of the work (to 95, following ffmpeg's progress), the download remux is quick (to 99);
 * publishing makes it 100.
 */
final class ProgressWeights {

    static final int PICTURES_DONE = 15;
    static final int LADDER_DONE = 95;
    static final int DOWNLOAD_DONE = 99;

    private ProgressWeights() {
    }
}
