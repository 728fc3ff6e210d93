package io.mediamill.interfaces.batch.transcode;

/**
 * Maps step progress onto the video's 0–100: probing is quick (to 5), thumbnails are cheap (to 15),
 * renditions are the bulk of the work (to 99); publishing makes it 100.
 */
final class ProgressWeights {

    private static final int PROBED = 5;
    private static final int THUMBNAILS_DONE = 15;
    private static final int RENDITIONS_DONE = 99;

    private ProgressWeights() {
    }

    static int thumbnails(int done, int count) {
        return PROBED + (THUMBNAILS_DONE - PROBED) * done / Math.max(1, count);
    }

    static int renditions(int done, int count) {
        return THUMBNAILS_DONE + (RENDITIONS_DONE - THUMBNAILS_DONE) * done / Math.max(1, count);
    }
}
