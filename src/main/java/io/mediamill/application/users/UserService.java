package io.mediamill.application.users;

import io.mediamill.domain.model.user.Actor;
import io.mediamill.domain.model.user.ApiTokenRepository;
import io.mediamill.domain.model.user.Role;
import io.mediamill.domain.model.user.User;
import io.mediamill.domain.model.user.UserRepository;
import io.mediamill.infrastructure.config.MediamillConfig;
import io.mediamill.infrastructure.storage.ContentHash;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Users and their passwords: signing in (throttled), and the operators' user management. Passwords are kept
 * as PBKDF2-HMAC-SHA512 hashes (210 000 iterations, OWASP's figure), through Jakarta Security's
 * {@link Pbkdf2PasswordHash} so every server hashes the same way.
 * A password check costs a fifth of a second of CPU by design, so a request signed with HTTP Basic is
 * remembered for a minute (by a hash of name and password, never the password) instead of hashing again.
 */
@ApplicationScoped
public class UserService {

    public static final String ADMIN = "admin";
    private static final Duration VERIFIED_FOR = Duration.ofSeconds(60);
    private static final Duration ACTIVE_FOR = Duration.ofSeconds(5);

    private record Remembered(Actor actor, Instant until) {
    }

    @Inject
    UserRepository users;

    @Inject
    ApiTokenRepository tokens;

    @Inject
    Pbkdf2PasswordHash hasher;

    @Inject
    Clock clock;

    @Inject
    MediamillConfig config;

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, Remembered> verified = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Remembered> active = new ConcurrentHashMap<>();
    private PasswordPolicy policy;
    private SignInThrottle throttle;
    private String decoyHash;

    @PostConstruct
    void init() {
        hasher.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        policy = PasswordPolicy.withShippedList();
        throttle = new SignInThrottle(clock, config.signInWindow(), config.signInMaxFailuresPerUser(),
                config.signInMaxFailuresPerAddress());
        decoyHash = hasher.generate(randomSecret().toCharArray());
    }

    /**
     * Checks a name and password from {@code address}.
     *
     * @throws SignInThrottledException when that user or address failed too often lately (checked first)
     * @throws BadCredentialsException when they do not match an enabled user
     */
    public Actor signIn(String username, String password, String address) {
        throttle.check(username, address);
        String key = credentialKey(username, password);
        Remembered known = verified.get(key);
        if (known != null && known.until().isAfter(clock.instant())) {
            return known.actor();
        }
        Optional<User> user = users.find(username);
        // An unknown name costs the same hashing as a wrong password, so timing does not reveal which names exist.
        boolean matches = hasher.verify(password.toCharArray(), user.map(User::passwordHash).orElse(decoyHash));
        if (!matches || user.isEmpty() || user.get().disabled()) {
            throttle.failed(username, address);
            throw new BadCredentialsException();
        }
        throttle.succeeded(username);
        Actor actor = actorOf(user.get());
        verified.put(key, new Remembered(actor, clock.instant().plus(VERIFIED_FOR)));
        return actor;
    }

    /** The enabled user of that name with their current roles (looked up at most every few seconds). */
    public Optional<Actor> active(String username) {
        Remembered known = active.get(username);
        if (known != null && known.until().isAfter(clock.instant())) {
            return Optional.of(known.actor());
        }
        Optional<Actor> actor = users.find(username).filter(u -> !u.disabled()).map(UserService::actorOf);
        actor.ifPresentOrElse(a -> active.put(username, new Remembered(a, clock.instant().plus(ACTIVE_FOR))),
                () -> active.remove(username));
        return actor;
    }

    public List<User> list(Actor by) {
        requireOperator(by);
        return users.all();
    }

    public User get(Actor by, String username) {
        if (!by.username().equals(username)) {
            requireOperator(by);
        }
        return users.find(username).orElseThrow(() -> new UnknownUserException(username));
    }

    public User create(Actor by, String username, String password, Set<String> roleNames) {
        requireOperator(by);
        if (username == null || !User.VALID_NAME.matcher(username).matches()) {
            throw new InvalidUserException("A user name is 2 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        policy.check(username, password);
        User user = new User(username, hasher.generate(password.toCharArray()), roles(roleNames), clock.instant());
        if (!users.add(user)) {
            throw new UserConflictException("There is already a user \"" + username + "\".");
        }
        return user;
    }

    public User update(Actor by, String username, UserChange change) {
        requireOperator(by);
        User current = users.find(username).orElseThrow(() -> new UnknownUserException(username));
        Set<Role> newRoles = change.roles() == null ? current.roles() : roles(change.roles());
        boolean disable = change.disabled() == null ? current.disabled() : change.disabled();
        if (by.username().equals(username) && (disable || !newRoles.contains(Role.OPERATOR))) {
            throw new UserConflictException("Operators cannot disable themselves or take away their own operator role.");
        }
        if (change.password() != null) {
            policy.check(username, change.password());
        }
        String newHash = change.password() == null ? null : hasher.generate(change.password().toCharArray());
        User updated = users.update(username, user -> {
            user.changeRoles(newRoles);
            user.disable(disable);
            if (newHash != null) {
                user.changePasswordHash(newHash);
            }
        });
        forget(username);
        return updated;
    }

    /** Removes the user and their API tokens; their videos stay, in the operators' care. */
    public void delete(Actor by, String username) {
        requireOperator(by);
        if (by.username().equals(username)) {
            throw new UserConflictException("Operators cannot delete themselves.");
        }
        users.find(username).orElseThrow(() -> new UnknownUserException(username));
        tokens.removeAllOf(username);
        users.remove(username);
        forget(username);
    }

    /**
     * On the very first start (no users at all): user {@code admin} with both roles and the configured password,
     * or a generated one, which is returned so it can be shown once. Empty when users exist already.
     */
    public Optional<String> createFirstAdmin(String configuredPassword) {
        if (!users.all().isEmpty()) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomSecret() : configuredPassword;
        boolean added = users.add(new User(ADMIN, hasher.generate(password.toCharArray()),
                EnumSet.allOf(Role.class), clock.instant()));
        return added && generated ? Optional.of(password) : Optional.empty();
    }

    private void forget(String username) {
        active.remove(username);
        verified.clear();
    }

    private static void requireOperator(Actor actor) {
        if (!actor.isOperator()) {
            throw new NotPermittedException("Only operators manage users.");
        }
    }

    private static Set<Role> roles(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.named(name).orElseThrow(() ->
                    new InvalidUserException("Unknown role \"" + name + "\": the roles are uploader and operator.")));
        }
        return roles;
    }

    private static Actor actorOf(User user) {
        return new Actor(user.username(), user.roles());
    }

    private String randomSecret() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String credentialKey(String username, String password) {
        return ContentHash.ofText(username + '\0' + password);
    }
}
