package org.premiumflow.payment.gateway.sandbox;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.premiumflow.calendar.BankingCalendar;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The sandbox processor, with connections of its own: like a real processor it acts in its own
 * transactions while the caller's is open, and on the caller's pool a burst of callers could
 * each hold one connection and wait forever for a second.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "premiumflow.payment-gateway.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxConfiguration {

    private static final int CONNECTIONS = 4;

    /** The processor's own pool; not a DataSource bean, which would displace the application's. */
    static final class SandboxConnections implements AutoCloseable {

        private final HikariDataSource pool = new HikariDataSource();

        SandboxConnections(JdbcConnectionDetails database) {
            pool.setPoolName("sandbox-processor");
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
    SandboxConnections sandboxConnections(JdbcConnectionDetails database) {
        return new SandboxConnections(database);
    }

    @Bean
    SandboxPaymentGateway sandboxPaymentGateway(SandboxConnections connections, Clock clock, BankingCalendar calendar) {
        return new SandboxPaymentGateway(JdbcClient.create(connections.pool), new DataSourceTransactionManager(connections.pool),
                clock, calendar);
    }
}
