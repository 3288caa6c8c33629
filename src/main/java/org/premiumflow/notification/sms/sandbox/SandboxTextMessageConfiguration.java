package org.premiumflow.notification.sms.sandbox;

import java.time.Clock;
import org.premiumflow.sandbox.SandboxConnections;
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

    @Bean
    SandboxConnections sandboxTextConnections(JdbcConnectionDetails database) {
        return new SandboxConnections("sandbox-text-messages", CONNECTIONS, database);
    }

    @Bean
    SandboxTextMessageGateway sandboxTextMessageGateway(SandboxConnections sandboxTextConnections, Clock clock) {
        return new SandboxTextMessageGateway(JdbcClient.create(sandboxTextConnections.dataSource()), clock);
    }
}
