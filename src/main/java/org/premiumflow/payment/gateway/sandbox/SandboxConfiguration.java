package org.premiumflow.payment.gateway.sandbox;

import java.time.Clock;
import javax.sql.DataSource;
import org.premiumflow.calendar.BankingCalendar;
import org.premiumflow.sandbox.SandboxConnections;
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

    @Bean
    SandboxConnections sandboxConnections(JdbcConnectionDetails database) {
        return new SandboxConnections("sandbox-processor", CONNECTIONS, database);
    }

    @Bean
    SandboxPaymentGateway sandboxPaymentGateway(SandboxConnections sandboxConnections, Clock clock, BankingCalendar calendar) {
        DataSource connections = sandboxConnections.dataSource();
        return new SandboxPaymentGateway(JdbcClient.create(connections), new DataSourceTransactionManager(connections), clock, calendar);
    }
}
