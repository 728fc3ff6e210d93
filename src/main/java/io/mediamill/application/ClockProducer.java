package io.mediamill.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock every timestamp comes from: UTC, replaceable in tests. */
@ApplicationScoped
public class ClockProducer {

    /** Dependent scope: a JDK class cannot be proxied, and the clock is stateless anyway. */
    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
