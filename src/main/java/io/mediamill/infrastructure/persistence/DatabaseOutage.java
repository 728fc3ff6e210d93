package io.mediamill.infrastructure.persistence;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import jakarta.resource.ResourceException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A failure that happened because the database could not be reached (stopped, restarting, refusing connections,
 * the network gone), told apart from every other failure however deeply the servers wrap it in JPA,
 * EclipseLink, JTA and EJB exceptions. The evidence is the JDBC driver's (a connection exception: the JDBC
 * connection exception types, SQLState class 08; the server shutting down, refusing more connections or the
 * service's credentials; a connection lost in the middle) or the connection pool's: a connector
 * {@code ResourceException}, which is how a pool says it has no connection to give. WildFly's pool keeps the
 * driver's exception as its cause; Payara's keeps only its words, so there the pool's exception is all there is.
 * Such a failure is answered with "try again later", not as a fault of the application.
 */
public final class DatabaseOutage {

    /** MariaDB's and MySQL's error codes that say the server cannot serve this connection right now. */
    private static final Set<Integer> UNAVAILABLE_CODES = Set.of(
            1040, // too many connections
            1053, // server shutdown in progress
            1927, // connection killed (the server shuts down)
            2002, 2003, // cannot connect (socket, TCP)
            2006, // server has gone away
            2013); // lost connection during query
    private static final int MAX_CHAIN = 64;

    private final Throwable evidence;
    private final List<Throwable> chain;

    private DatabaseOutage(Throwable evidence, List<Throwable> chain) {
        this.evidence = evidence;
        this.chain = chain;
    }

    /** The outage {@code failure} reports, if it reports one anywhere in its causes. */
    public static Optional<DatabaseOutage> in(Throwable failure) {
        List<Throwable> chain = chainOf(failure);
        Optional<Throwable> evidence = chain.stream().filter(DatabaseOutage::isDriverEvidence).findFirst()
                .or(() -> chain.stream().filter(ResourceException.class::isInstance).findFirst());
        return evidence.map(e -> new DatabaseOutage(e, chain));
    }

    /** Whether {@code failure} happened because the database could not be reached. */
    public static boolean isOutage(Throwable failure) {
        return in(failure).isPresent();
    }

    /** The pool's word comes second: the driver's exception below it, where the pool kept it, says more. */
    private static boolean isDriverEvidence(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLInvalidAuthorizationSpecException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state != null && (state.startsWith("08") || state.startsWith("28"))
                    || UNAVAILABLE_CODES.contains(sql.getErrorCode());
        }
        return false;
    }

    /**
     * Every throwable reachable from {@code failure} by causes and by the next exceptions of SQLExceptions, each
     * once, outermost first; bounded, so a cause chain that loops ends.
     */
    private static List<Throwable> chainOf(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (failure != null) {
            next.add(failure);
        }
        while (!next.isEmpty() && chain.size() < MAX_CHAIN) {
            Throwable t = next.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t.getCause() != null) {
                next.addFirst(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                next.addLast(sql.getNextException());
            }
        }
        return List.copyOf(chain);
    }

    /**
     * Why, in a few words anyone may read (a health answer is public): no host, port, user or driver message,
     * which {@link #detail()} has for operators.
     */
    public String cause() {
        for (Throwable t : chain) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to the database host";
            }
            if (t instanceof UnknownHostException) {
                return "unknown database host";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer in time";
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                switch (sql.getErrorCode()) {
                    case 1040 -> {
                        return "too many connections";
                    }
                    case 1053, 1927 -> {
                        return "the database server is shutting down";
                    }
                    default -> {
                        if (t instanceof SQLInvalidAuthorizationSpecException || state.startsWith("28")) {
                            return "the database refused the service's credentials";
                        }
                    }
                }
            }
        }
        for (Throwable t : chain) {
            if (t instanceof EOFException || t instanceof SocketException) {
                return "connection lost";
            }
        }
        // Payara's pool passes on the driver's words only.
        if (chain.stream().map(Throwable::getMessage).anyMatch(m -> m != null && m.contains("Connection refused"))) {
            return "connection refused";
        }
        return "no connection";
    }

    /** The driver's own words (or the pool's), which may name the host and port: for operators and the log. */
    public String detail() {
        String message = evidence.getMessage();
        return message == null || message.isBlank() ? evidence.getClass().getName() : message.strip();
    }

    /** The exception that shows the outage: the driver's, or the pool's when it kept no driver exception. */
    public Throwable evidence() {
        return evidence;
    }

    @Override
    public String toString() {
        return "database unreachable (" + cause() + "): " + detail();
    }
}
