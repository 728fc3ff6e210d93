package io.mediamill.application.users;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(clock, Duration.ofMinutes(5), 3, 5);

    @Test
    void aUserIsHeldBackAfterTheirFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            throttle.check("alice", "10.0.0.1");
            throttle.failed("alice", "10.0.0." + i);
        }
        SignInThrottledException held = assertThrows(SignInThrottledException.class, () -> throttle.check("alice", "10.0.0.9"));
        assertEquals(300, held.retryAfterSeconds());
        now = now.plusSeconds(200);
        assertEquals(100, assertThrows(SignInThrottledException.class, () -> throttle.check("alice", "10.0.0.9")).retryAfterSeconds());
        now = now.plusSeconds(100);
        assertDoesNotThrow(() -> throttle.check("alice", "10.0.0.9"));
    }

    @Test
    void anAddressIsHeldBackAfterFailuresAcrossNames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertThrows(SignInThrottledException.class, () -> throttle.check("someone-else", "192.0.2.7"));
        assertDoesNotThrow(() -> throttle.check("someone-else", "192.0.2.8"));
    }

    @Test
    void successClearsTheUsersFailuresButNotTheAddresss() {
        throttle.failed("bob", "192.0.2.1");
        throttle.failed("bob", "192.0.2.1");
        throttle.succeeded("bob");
        throttle.failed("bob", "192.0.2.1");
        throttle.failed("bob", "192.0.2.1");
        assertDoesNotThrow(() -> throttle.check("bob", "192.0.2.2"));
        throttle.failed("carol", "192.0.2.1");
        assertThrows(SignInThrottledException.class, () -> throttle.check("carol", "192.0.2.1"));
    }
}
