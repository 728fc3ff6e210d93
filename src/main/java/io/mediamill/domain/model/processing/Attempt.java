package io.mediamill.domain.model.processing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One job execution that processed a video: the n-th attempt, on which node, how it ended and, when it failed,
 * in which step and why. Operators read a video's history from these; the queue reads the last one to know
 * whom to follow or what to restart.
 */
@Entity
@Table(name = "processing_attempt")
@NamedQuery(name = "Attempt.findByVideo",
        query = "SELECT a FROM Attempt a WHERE a.videoId = :videoId ORDER BY a.attempt, a.executionId")
@NamedQuery(name = "Attempt.lastNumber", query = "SELECT MAX(a.attempt) FROM Attempt a WHERE a.videoId = :videoId")
@NamedQuery(name = "Attempt.findNewestFirst", query = "SELECT a FROM Attempt a ORDER BY a.startedAt DESC, a.executionId DESC")
@NamedQuery(name = "Attempt.findByStatusNewestFirst",
        query = "SELECT a FROM Attempt a WHERE a.status = :status ORDER BY a.startedAt DESC, a.executionId DESC")
@NamedQuery(name = "Attempt.count", query = "SELECT COUNT(a) FROM Attempt a")
@NamedQuery(name = "Attempt.countByStatus", query = "SELECT COUNT(a) FROM Attempt a WHERE a.status = :status")
public class Attempt {

    private static final int MAX_ERROR_LENGTH = 4000;

    @Id
    @Column(name = "execution_id")
    private long executionId;

    @Column(name = "video_id", nullable = false, length = 36)
    private String videoId;

    @Column(name = "attempt", nullable = false)
    private int attempt;

    @Column(name = "node", nullable = false, length = 50)
    private String node;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AttemptStatus status;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "failed_step", length = 64)
    private String failedStep;

    @Column(name = "error", length = MAX_ERROR_LENGTH)
    private String error;

    /** False when the failure says trying again cannot help (the file is not something we can make a video of). */
    @Column(name = "retryable", nullable = false)
    private boolean retryable = true;

    protected Attempt() {
    }

    public Attempt(long executionId, String videoId, int attempt, String node, Instant startedAt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
        this.executionId = executionId;
        this.videoId = Objects.requireNonNull(videoId, "videoId");
        this.attempt = attempt;
        this.node = Objects.requireNonNull(node, "node");
        this.status = AttemptStatus.STARTED;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The first failure of the attempt is the one that says why; later ones follow from it. */
    public void recordFailure(String step, String reason, boolean canBeRetried) {
        if (failedStep == null) {
            this.failedStep = step;
            this.error = truncate(reason);
            this.retryable = canBeRetried;
        }
    }

    /** How the attempt failed, for the queue to decide on another; a failure with no recorded step is the job's. */
    public AttemptFailure failure() {
        return new AttemptFailure(failedStep, error, retryable);
    }

    /** Ends the attempt; an attempt that already ended keeps how it ended, except that an ended one may be abandoned. */
    public void end(AttemptStatus outcome, Instant now) {
        if (outcome == AttemptStatus.STARTED) {
            throw new IllegalArgumentException("an attempt ends with an outcome, not " + outcome);
        }
        if (status.hasEnded() && outcome != AttemptStatus.ABANDONED) {
            return;
        }
        this.status = outcome;
        if (endedAt == null) {
            this.endedAt = now;
        }
    }

    /** Its node died while it ran: it failed, saying so, and another attempt takes over. */
    public void lostWithNode(Instant now) {
        recordFailure("node", "node " + node + " stopped answering while it ran this attempt", true);
        end(AttemptStatus.FAILED, now);
    }

    private static String truncate(String text) {
        if (text == null || text.length() <= MAX_ERROR_LENGTH) {
            return text;
        }
        // ffmpeg puts the decisive line last.
        return "…" + text.substring(text.length() - MAX_ERROR_LENGTH + 1);
    }

    public long executionId() {
        return executionId;
    }

    public String videoId() {
        return videoId;
    }

    public int attempt() {
        return attempt;
    }

    public String node() {
        return node;
    }

    public AttemptStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String failedStep() {
        return failedStep;
    }

    public String error() {
        return error;
    }

    public boolean retryable() {
        return retryable;
    }
}
