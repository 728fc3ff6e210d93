package io.mediamill.infrastructure.sync;

import io.mediamill.infrastructure.Backoff;
import io.mediamill.domain.model.replication.PeerStatus;
import io.mediamill.infrastructure.media.ExternalCommand;
import io.mediamill.infrastructure.media.ExternalProcessException;
import io.mediamill.infrastructure.media.ProcessRunner;
import io.mediamill.infrastructure.storage.MediaStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's link to one peer: a thread of its own that works through the backlog owed to that peer, pushes the
 * whole tree now and then, and catches up from it at start. A thread per peer, because a transfer can take hours:
 * on a shared executor it would hold up the queue's heartbeats (and get this node taken for dead), and one slow
 * peer would hold up the others.
 */
final class PeerLink {

    private static final Logger LOG = Logger.getLogger(PeerLink.class.getName());
    static final String VIDEOS = "videos";
    private static final Duration TRANSFER_LIMIT = Duration.ofHours(2);
    private static final int BATCH = 100;

    private final Peer peer;
    private final RsyncCommands commands;
    private final ProcessRunner runner;
    private final SyncBacklog backlog;
    private final MediaStorage storage;
    private final Backoff backoff;
    private final Clock clock;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService thread;
    private volatile Instant lastTransfer;
    private volatile String failing;

    PeerLink(Peer peer, RsyncCommands commands, ProcessRunner runner, SyncBacklog backlog, MediaStorage storage,
             Backoff backoff, Clock clock) {
        this.peer = peer;
        this.commands = commands;
        this.runner = runner;
        this.backlog = backlog;
        this.storage = storage;
        this.backoff = backoff;
        this.clock = clock;
    }

    Peer peer() {
        return peer;
    }

    /** Catches up from the peer, then drains every second and pushes the whole tree every {@code reconcile}. */
    void start(ThreadFactory threads, Duration reconcile) {
        thread = Executors.newSingleThreadScheduledExecutor(threads);
        thread.execute(this::catchUp);
        thread.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.SECONDS);
        thread.scheduleWithFixedDelay(this::reconcile, reconcile.toSeconds(), reconcile.toSeconds(), TimeUnit.SECONDS);
    }

    /** Stops the thread and any transfer it runs. */
    void stop() {
        ScheduledExecutorService running = thread;
        if (running != null) {
            running.shutdownNow();
            runner.destroyOwnedBy(owner());
        }
    }

    /** Something was queued: drain now rather than at the next tick (one pending nudge stands for many). */
    void nudge() {
        ScheduledExecutorService running = thread;
        if (running != null && !running.isShutdown() && drainQueued.compareAndSet(false, true)) {
            running.execute(() -> {
                drainQueued.set(false);
                drain();
            });
        }
    }

    /** Works through what is due for this peer, one transfer at a time. */
    void drain() {
        try {
            for (SyncBacklog.Entry entry : backlog.due(peer.name(), clock.instant(), BATCH)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                send(entry);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the sync backlog for " + peer.name() + " could not be worked through now", e);
        }
    }

    private void send(SyncBacklog.Entry entry) {
        Path folder = storage.videoDir(entry.videoId());
        List<ExternalCommand> transfer;
        if (entry.action() == SyncBacklog.Action.DELETE) {
            createDirectories(folder.getParent());
            transfer = List.of(commands.delete(peer, folderOf(entry.videoId())));
        } else if (Files.isDirectory(folder)) {
            transfer = commands.push(peer, folderOf(entry.videoId()));
        } else {
            // Deleted here since: the delete queued with it replaces this push.
            backlog.done(entry);
            return;
        }
        TransferOutcome outcome = run(transfer, TRANSFER_LIMIT);
        if (outcome.done()) {
            backlog.done(entry);
        } else {
            backlog.failed(entry, clock.instant().plus(backoff.after(entry.attempts() + 1)), outcome.error());
        }
    }

    /** Pushes the whole {@code videos/} tree, never deleting: what a lost or failed push left out. */
    void reconcile() {
        if (Files.isDirectory(storage.root().resolve(VIDEOS))) {
            run(commands.push(peer, VIDEOS), TRANSFER_LIMIT);
        }
    }

    private void catchUp() {
        TransferOutcome outcome = run(commands.pull(peer, VIDEOS), TRANSFER_LIMIT);
        if (outcome.kind() == TransferOutcome.Kind.FAILED) {
            LOG.info(() -> "could not catch up from " + peer.name() + " now: " + outcome.error());
        }
    }

    /** Fetches a video's folder from this peer. */
    TransferOutcome pullVideo(String videoId, Duration max) {
        return run(commands.pull(peer, folderOf(videoId)), max);
    }

    /** Fetches one file, named relative to the volume, from this peer. */
    TransferOutcome pullFile(String relativeFile, Duration max) {
        return run(List.of(commands.pullFile(peer, relativeFile)), max);
    }

    PeerStatus status() {
        SyncBacklog.Pending pending = backlog.pending(peer.name());
        return new PeerStatus(peer.name(), peer.address(), pending.count(), pending.since(),
                Optional.ofNullable(failing).orElse(pending.lastError()), lastTransfer);
    }

    /** Runs a transfer's commands in order; a peer that answered (even "not here") works, one that failed is noted. */
    private TransferOutcome run(List<ExternalCommand> transfer, Duration max) {
        TransferOutcome outcome = attempt(transfer, max);
        if (outcome.kind() == TransferOutcome.Kind.FAILED) {
            if (failing == null) {
                LOG.warning(() -> "a transfer with " + peer.name() + " failed (retried; said once until it works): "
                        + outcome.error());
            }
            failing = outcome.error();
        } else {
            lastTransfer = clock.instant();
            if (failing != null) {
                failing = null;
                LOG.info(() -> "transfers to and from " + peer.name() + " work again");
            }
        }
        return outcome;
    }

    private TransferOutcome attempt(List<ExternalCommand> transfer, Duration max) {
        try {
            for (ExternalCommand command : transfer) {
                runner.run(command.ownedBy(owner()), max);
            }
            return TransferOutcome.DONE;
        } catch (ExternalProcessException e) {
            return TransferOutcome.of(e);
        }
    }

    private String owner() {
        return "sync with " + peer.name();
    }

    private String folderOf(String videoId) {
        return storage.relative(storage.videoDir(videoId));
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
