package org.premiumflow.engine.store;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's access to its schema in the shared database. Kept as one object of the engine's
 * own, so the engine adds no general-purpose JDBC or transaction beans to the application.
 */
public record EngineDatabase(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions) {

    /**
     * Migrates the engine schema, then opens access to it. The engine's commands run in plain JDBC
     * transactions of their own, never inside the application's JPA transactions.
     */
    public static EngineDatabase open(DataSource dataSource) {
        EngineSchema.migrate(dataSource);
        JdbcTemplate template = new JdbcTemplate(dataSource);
        return new EngineDatabase(JdbcClient.create(template), template,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }
}
