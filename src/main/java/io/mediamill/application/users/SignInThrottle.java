package io.mediamill.application.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failed sign-ins per user name and per client address in a fixed window; past the limit, further
 * attempts are refused until the window ends, before any password is checked, so guessing costs the guesser
 * time and the server nothing. Node-local: each node throttles what it sees.
 */
public final class SignInThrottle {

    private record Window(Instant start, int failures) {
    }

    private final Clock clock;
    private final Duration window;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public SignInThrottle(Clock clock, Duration window, int maxPerUser, int maxPerAddress) {
        this.clock = clock;
        this.window = window;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
    }

    /** @throws SignInThrottledException when the user or the address has used up its failures */
    public void check(String username, String address) {
        long wait = Math.max(waitFor("user:" + username, maxPerUser), waitFor("address:" + address, maxPerAddress));
        if (wait > 0) {
            throw new SignInThrottledException(wait);
        }
    }

    public void failed(String username, String address) {
        count("user:" + username);
        count("address:" + address);
        if (windows.size() > 100_000) {
            Instant now = clock.instant();
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
        }
    }

    /** A success clears the user's failures (not the address's: one right password must not unlock a spray). */
    public void succeeded(String username) {
        windows.remove("user:" + username);
    }

    private void count(String key) {
        Instant now = clock.instant();
        windows.merge(key, new Window(now, 1), (old, fresh) ->
                old.start().plus(window).isAfter(now) ? new Window(old.start(), old.failures() + 1) : fresh);
    }

    private long waitFor(String key, int max) {
        Window current = windows.get(key);
        if (current == null || current.failures() < max) {
            return 0;
        }
        Duration left = Duration.between(clock.instant(), current.start().plus(window));
        return left.isNegative() || left.isZero() ? 0 : Math.max(1, (left.toMillis() + 999) / 1000);
    }
}
