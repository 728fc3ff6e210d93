package io.mediamill.domain.model.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The recorded relays. Claims and state changes are single conditional updates, so two nodes never both hold a
 * camera. Updates of a relay's progress name the node that runs it and answer whether that node still holds the
 * camera: a node that lost its claim learns it at its next update.
 */
public interface LiveStreamRepository {

    Optional<LiveStream> find(CameraId cameraId);

    /** Every camera, running or not, by id. */
    List<LiveStream> all();

    /** What became of a start. */
    enum StartOutcome {
        /** Recorded as wanted: a new camera, or a stopped or failed one started again (STARTING, on no node yet). */
        STARTED,
        /** It was wanted already, with this very source and target: nothing changed. */
        ALREADY_WANTED,
        /** It is wanted already with another source or target. */
        WANTED_OTHERWISE,
        /** As many relays as {@code capacity} are wanted already. */
        FULL
    }

    /**
     * Starts wanting a relay, unless it is wanted already or {@code capacity} relays are: one start at a time, so
     * two starts at once never both take the last free slot.
     */
    StartOutcome start(CameraId cameraId, StreamSource source, StreamSource rtmpTarget, String title, String owner,
                       int capacity, Instant now);

    /** Stops wanting it: STOPPED, on no node. Returns whether it was wanted. */
    boolean stop(CameraId cameraId);

    /** Stops wanting every relay; returns the cameras that were wanted. */
    List<CameraId> stopAll();

    /**
     * Claims a wanted camera for {@code node} if it is still on {@code seenOn}, the node it was seen on (null: on
     * none), a node known to be dead or {@code node} itself after a restart. Of two nodes claiming at once, one wins.
     */
    boolean claim(CameraId cameraId, String node, String seenOn);

    /** Gives the camera up (this node stops), leaving it wanted for the next node to claim. */
    void release(CameraId cameraId, String node);

    /** The wanted cameras: those this node may claim and those it holds. */
    List<LiveStream> wanted();

    /** The relay connected and probed its source, and runs with its video copied or encoded; it is still starting. */
    boolean probed(CameraId cameraId, String node, InputFacts input, boolean transcoding);

    /** Output is flowing: RUNNING since {@code since}, no failures in a row any more. */
    boolean running(CameraId cameraId, String node, Instant since);

    /** The output's measured bitrate, in bits per second. */
    boolean outputBitrate(CameraId cameraId, String node, long bitsPerSecond);

    /** A run ended: RETRYING with the error, the counts as given. */
    boolean retrying(CameraId cameraId, String node, String error, int restarts, int failuresInARow);

    /** Given up: FAILED with the error and no longer wanted. */
    boolean failed(CameraId cameraId, String node, String error, int restarts, int failuresInARow);
}
