package io.mediamill.infrastructure.persistence.jpa;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date (db/migration/V*.sql) before the application serves anything. Runs outside
 * a JTA transaction because Flyway manages its own on the connection.
 */
@Singleton
@Startup
// Bean-managed and never beginning one: no container transaction around the work, whose repositories demarcate
// their own (a container-managed EJB calling @Transactional beans can leave Payara's request threads unable to
// use UserTransaction, which its batch runtime needs).
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // The batch runtime creates its job repository tables in the same schema, often first; a
                // baseline below V1 lets Flyway start on such a schema and still apply every migration.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
    }
}
