package io.mediamill.application.users;

import io.mediamill.domain.model.user.Actor;
import io.mediamill.domain.model.user.ApiToken;
import io.mediamill.domain.model.user.ApiTokenRepository;
import io.mediamill.infrastructure.storage.ContentHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal API tokens for programs: 256 random bits, shown once, kept as SHA-256 (a token is not guessable, so
 * a fast hash is enough, unlike a password). A token acts as its user with the user's current roles.
 */
@ApplicationScoped
public class TokenService {

    private static final String PREFIX = "mm_";
    private static final int MAX_NAME_LENGTH = 200;

    @Inject
    ApiTokenRepository tokens;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();

    public IssuedToken issue(Actor owner, String name) {
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new InvalidUserException("A token name may have at most " + MAX_NAME_LENGTH + " characters.");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken stored = new ApiToken(UUID.randomUUID().toString(), owner.username(), hash(token), name, clock.instant());
        tokens.add(stored);
        return new IssuedToken(stored.id(), token, stored.name(), stored.createdAt());
    }

    public List<ApiToken> list(Actor owner) {
        return tokens.ownedBy(owner.username());
    }

    public void revoke(Actor owner, String id) {
        if (!tokens.remove(id, owner.username())) {
            throw new UnknownTokenException(id);
        }
    }

    /** The enabled user a presented token belongs to. */
    public Optional<Actor> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByHash(hash(token)).flatMap(t -> users.active(t.username()));
    }

    private static String hash(String token) {
        return ContentHash.ofText(token);
    }
}
