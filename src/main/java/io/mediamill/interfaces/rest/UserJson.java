package io.mediamill.interfaces.rest;

import io.mediamill.domain.model.user.Role;
import io.mediamill.domain.model.user.User;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash. */
@JsonbPropertyOrder({"username", "roles", "disabled", "createdAt"})
public record UserJson(String username, List<String> roles, boolean disabled, Instant createdAt) {

    static UserJson of(User user) {
        return new UserJson(user.username(), user.roles().stream().map(Role::roleName).toList(), user.disabled(),
                user.createdAt());
    }
}
