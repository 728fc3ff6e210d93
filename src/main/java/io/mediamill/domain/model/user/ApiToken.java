package io.mediamill.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A personal API token: only its SHA-256 is kept, so the token itself is shown once, when it is issued, and a
 * copy of the database cannot be used to sign in.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = "ApiToken.findByHash", query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = "ApiToken.findByOwner",
        query = "SELECT t FROM ApiToken t WHERE t.username = :username ORDER BY t.createdAt")
@NamedQuery(name = "ApiToken.deleteByOwner", query = "DELETE FROM ApiToken t WHERE t.username = :username")
public class ApiToken {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "name", length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiToken() {
        // for JPA
    }

    public ApiToken(String id, String username, String tokenHash, String name, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.username = Objects.requireNonNull(username);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.name = name;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
