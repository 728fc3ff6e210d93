package io.mediamill.infrastructure.sync;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/** Starts volume sync once the schema is migrated, and stops it before the application goes away. */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class SyncStartup {

    @Inject
    RsyncReplication replication;

    @PostConstruct
    void start() {
        replication.start();
    }

    @PreDestroy
    void stop() {
        replication.stop();
    }
}
