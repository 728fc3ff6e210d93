package io.mediamill.domain.model.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user may do: uploaders manage their own videos, operators every video and every user. */
public enum Role {
    UPLOADER,
    OPERATOR;

    /** The role's name as the container and the API know it ({@code uploader}, {@code operator}). */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.roleName().equals(name)).findFirst();
    }
}
