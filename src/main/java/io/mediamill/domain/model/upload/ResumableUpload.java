package io.mediamill.domain.model.upload;

import io.mediamill.domain.model.video.Visibility;
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
 * A resumable upload: its declared length, how many bytes have arrived (the offset), what the client said
 * it is (tus Upload-Metadata), until when it may be resumed, and the video it became once complete. Kept in
 * the database so that any node can answer for it.
 */
@Entity
@Table(name = "resumable_upload")
@NamedQuery(name = "ResumableUpload.expiredBefore",
        query = "SELECT u FROM ResumableUpload u WHERE u.expiresAt < :now")
@NamedQuery(name = "ResumableUpload.unfinishedBy",
        query = "SELECT COUNT(u), SUM(u.uploadLength) FROM ResumableUpload u"
                + " WHERE u.owner = :owner AND u.videoId IS NULL AND u.expiresAt >= :now")
@NamedQuery(name = "ResumableUpload.moveTo",
        query = "UPDATE ResumableUpload u SET u.node = :node, u.uploadOffset = :newOffset WHERE u.id = :id "
                + "AND u.uploadOffset = :oldOffset")
@NamedQuery(name = "ResumableUpload.advance",
        query = "UPDATE ResumableUpload u SET u.uploadOffset = :newOffset WHERE u.id = :id AND u.uploadOffset = :oldOffset")
public class ResumableUpload {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "owner", nullable = false, length = 100)
    private String owner;

    @Column(name = "upload_length", nullable = false)
    private long uploadLength;

    @Column(name = "upload_offset", nullable = false)
    private long uploadOffset;

    /** The Upload-Metadata header as sent, to echo it back on HEAD. */
    @Column(name = "metadata", length = 4000)
    private String metadata;

    @Column(name = "file_name", length = 1000)
    private String fileName;

    @Column(name = "file_type", length = 200)
    private String fileType;

    @Column(name = "title", length = 500)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false, length = 16)
    private Visibility visibility = Visibility.PRIVATE;

    @Column(name = "video_id", length = 36)
    private String videoId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The node whose media volume holds the bytes; null for uploads older than that record. */
    @Column(name = "node", length = 50)
    private String node;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ResumableUpload() {
        // for JPA
    }

    public ResumableUpload(String id, String owner, long length, UploadMetadata metadata, Instant now, Instant expiresAt) {
        if (length < 0) {
            throw new IllegalArgumentException("an upload length is never negative");
        }
        this.id = Objects.requireNonNull(id);
        this.owner = Objects.requireNonNull(owner);
        this.uploadLength = length;
        this.metadata = metadata.header();
        this.fileName = metadata.fileName();
        this.fileType = metadata.fileType();
        this.title = metadata.title();
        this.visibility = metadata.visibility();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** The bytes arrive on {@code receivingNode}'s media volume. */
    public void receivedOn(String receivingNode) {
        this.node = receivingNode;
    }

    public String node() {
        return node;
    }

    public void completeAs(String newVideoId) {
        this.videoId = newVideoId;
    }

    public boolean isComplete() {
        return uploadOffset == uploadLength;
    }

    public boolean isExpired(Instant now) {
        return videoId == null && now.isAfter(expiresAt);
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public long length() {
        return uploadLength;
    }

    public long offset() {
        return uploadOffset;
    }

    public String metadata() {
        return metadata;
    }

    public String fileName() {
        return fileName;
    }

    public String fileType() {
        return fileType;
    }

    public String title() {
        return title;
    }

    public Visibility visibility() {
        return visibility;
    }

    public String videoId() {
        return videoId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
