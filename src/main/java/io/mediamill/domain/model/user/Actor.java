package io.mediamill.domain.model.user;

import java.util.Set;

/** Who is asking: the signed-in user's name and roles, as the application services check them. */
public record Actor(String username, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean isOperator() {
        return roles.contains(Role.OPERATOR);
    }

    /** Operators act on everything; everyone else only on what they own. */
    public boolean mayActOn(String owner) {
        return isOperator() || username.equals(owner);
    }
}
