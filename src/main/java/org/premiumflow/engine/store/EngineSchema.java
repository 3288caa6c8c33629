package org.premiumflow.engine.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The engine's tables live in a schema of their own, migrated by the engine's own Flyway history,
 * so the engine can be upgraded, or lifted out, without touching the application's data.
 */
public final class EngineSchema {

    public static final String NAME = "engine";

    private EngineSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(NAME)
                .defaultSchema(NAME)
                .createSchemas(true)
                .locations("classpath:db/migration/engine")
                .load()
                .migrate();
    }
}
