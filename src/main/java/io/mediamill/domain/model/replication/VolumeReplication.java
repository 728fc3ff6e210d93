package io.mediamill.domain.model.replication;

import java.time.Duration;
import java.util.List;

/**
 * Copies a video's files between this node's media volume and its peers'. Pushes go through a backlog that
 * outlives restarts and returns at once; pulls happen while the caller waits, for at most {@code max}.
 */
public interface VolumeReplication {

    /** This node's files of the video changed (an upload committed, outputs published): every peer gets them. */
    void filesChanged(String videoId);

    /** The video's folder is gone here: it goes on every peer too. */
    void videoDeleted(String videoId);

    /** Copies the video's folder from the first peer that has it; whether anything was copied. */
    boolean pullVideo(String videoId, Duration max);

    /** Copies the bytes of an unfinished resumable upload from the node that received them; whether it could. */
    boolean pullUpload(String uploadId, String fromNode, Duration max);

    /** Whether this node has peers at all: alone, a file missing here is missing everywhere. */
    boolean hasPeers();

    /** The peers this node keeps in sync, and how that goes. */
    List<PeerStatus> peers();
}
