package io.mediamill.application.users;

import java.time.Instant;

/** A newly issued API token: the only time the token itself is known to the service. */
public record IssuedToken(String id, String token, String name, Instant createdAt) {
}
