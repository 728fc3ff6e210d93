package io.mediamill.infrastructure.queue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Starts the processing queue once the schema is migrated, and stops it before the application goes away.
 * Bean-managed: the queue's statements run in autocommit, outside any container transaction.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class QueueStartup {

    @Inject
    DbSchedulerQueue queue;

    @PostConstruct
    void start() {
        queue.start();
    }

    @PreDestroy
    void stop() {
        queue.stop();
    }
}
