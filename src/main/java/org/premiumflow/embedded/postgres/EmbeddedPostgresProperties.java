package org.premiumflow.embedded.postgres;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL server that runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the database files live; reused on the next start
 * @param ephemeral throw the data away on stop (a fresh temporary folder each start)
 * @param port the port to listen on, 0 for any free one
 * @param database the database the application uses, created on first start
 * @param startupTimeout how long to wait for the server to accept connections
 */
@ConfigurationProperties("premiumflow.embedded.postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") int port,
        @DefaultValue("premiumflow") String database,
        @DefaultValue("30s") Duration startupTimeout) {
}
