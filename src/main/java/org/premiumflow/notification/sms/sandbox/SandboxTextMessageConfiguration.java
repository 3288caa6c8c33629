package org.premiumflow.notification.sms.sandbox;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox text-message provider, with connections of its own: like a real provider it keeps
 * what it took whatever becomes of the caller's transaction, and on the caller's pool a burst of
 * callers could each hold one connection and wait forever for a second.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "premiumflow.text-messages.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxTextMessageConfiguration {

    private static final int CONNECTIONS = 2;

    /** The provider's own pool; not a DataSource bean, which would displace the application's. */
    static final class SandboxTextConnections implements AutoCloseable {

        private final HikariDataSource pool = new HikariDataSource();

        SandboxTextConnections(JdbcConnectionDetails database) {
            pool.setPoolName("sandbox-text-messages");
            pool.setJdbcUrl(database.getJdbcUrl());
            pool.setUsername(database.getUsername());
            pool.setPassword(database.getPassword());
            pool.setMaximumPoolSize(CONNECTIONS);
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    @Bean
    SandboxTextConnections sandboxTextConnections(JdbcConnectionDetails database) {
        return new SandboxTextConnections(database);
    }

    @Bean
    SandboxTextMessageGateway sandboxTextMessageGateway(SandboxTextConnections connections, Clock clock) {
        return new SandboxTextMessageGateway(JdbcClient.create(connections.pool), clock);
    }
}
