package io.mediamill.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person or program that signs in: a unique name, a password hash, roles, and whether it may sign in at all. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "User.findAll", query = "SELECT u FROM User u ORDER BY u.username")
public class User {

    /** Letters, digits and {@code . _ -}, 2 to 64 of them: safe in URLs, logs and file names alike. */
    public static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    @Id
    @Column(name = "username", length = 64)
    private String username;

    /** The password hash with its algorithm, iterations and salt, as the hasher wrote it. */
    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    /** Role names separated by commas; a handful at most, so a column of its own rather than a table. */
    @Column(name = "roles", nullable = false, length = 200)
    private String roles;

    @Column(name = "disabled", nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected User() {
        // for JPA
    }

    public User(String username, String passwordHash, Set<Role> roles, Instant createdAt) {
        if (username == null || !VALID_NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name is 2 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        this.username = username;
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.createdAt = Objects.requireNonNull(createdAt);
        changeRoles(roles);
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        if (roles.isEmpty()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(Role::named).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }

    public boolean disabled() {
        return disabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void changeRoles(Set<Role> newRoles) {
        this.roles = newRoles.stream().sorted().map(Role::roleName).collect(Collectors.joining(","));
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void disable(boolean disable) {
        this.disabled = disable;
    }
}
