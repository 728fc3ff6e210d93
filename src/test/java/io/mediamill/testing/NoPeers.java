package io.mediamill.testing;

import io.mediamill.domain.model.replication.PeerStatus;
import io.mediamill.domain.model.replication.VolumeReplication;
import java.time.Duration;
import java.util.List;

/** A node alone: nothing to send, nobody to fetch from. */
public class NoPeers implements VolumeReplication {

    @Override
    public void filesChanged(String videoId) {
    }

    @Override
    public void videoDeleted(String videoId) {
    }

    @Override
    public boolean pullVideo(String videoId, Duration max) {
        return false;
    }

    @Override
    public boolean pullUpload(String uploadId, String fromNode, Duration max) {
        return false;
    }

    @Override
    public boolean hasPeers() {
        return false;
    }

    @Override
    public List<PeerStatus> peers() {
        return List.of();
    }
}
