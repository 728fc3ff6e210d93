package io.mediamill.infrastructure.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Starts this node's live relays once the schema is migrated and the node beats its heartbeat (by which other
 * nodes know its cameras are in hand), and stops them, ffmpeg and all, before the application goes away.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrations", "QueueStartup"})
@TransactionManagement(TransactionManagementType.BEAN)
public class LiveStartup {

    @Inject
    RelaySupervisor supervisor;

    @PostConstruct
    void start() {
        supervisor.start();
    }

    @PreDestroy
    void stop() {
        supervisor.stop();
    }
}
