package org.premiumflow.embedded.postgres;

import org.premiumflow.embedded.ConditionalOnPropertyAbsent;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url} the application brings its own PostgreSQL. Spring Boot
 * then builds the usual connection pool, Flyway and JPA on top of these connection details, so
 * nothing downstream knows the difference.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPropertyAbsent("spring.datasource.url")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) {
        return EmbeddedPostgresServer.start(properties);
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return server.username();
            }

            @Override
            public String getPassword() {
                return null;
            }

            @Override
            public String getJdbcUrl() {
                return server.jdbcUrl();
            }
        };
    }
}
