package org.premiumflow.engine.store;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's access to its schema in the shared database. Kept as one object of the engine's
 * own, so the engine adds no general-purpose JDBC or transaction beans to the application.
 */
public record EngineDatabase(JdbcClient jdbc, TransactionTemplate transactions) {

    /** Migrates the engine schema, then opens access to it. */
    public static EngineDatabase open(DataSource dataSource, PlatformTransactionManager transactionManager) {
        EngineSchema.migrate(dataSource);
        return new EngineDatabase(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager));
    }
}
