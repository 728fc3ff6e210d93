package io.mediamill.infrastructure.persistence.jpa;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink retries a read that failed for want of a connection, by default twice with five seconds between:
 * with the database down, every request then took ten seconds to fail. The servers' pools validate connections
 * before handing them out and reconnect on their own, so the retries gain nothing; without them a request
 * during an outage is answered at once (503, "try again later").
 */
public class FailFastOnOutage implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
        }
    }
}
