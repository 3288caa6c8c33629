package org.premiumflow.startup;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Opens one plain JDBC connection as soon as the connection pool is configured, before Flyway or
 * Hibernate touch it. A database that does not answer then stops start-up with one line naming
 * the address, instead of the pool's stack traces.
 */
@Component
class DatabaseReachabilityCheck implements BeanPostProcessor {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            check(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return bean;
    }

    static void check(String jdbcUrl, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, properties)) {
            // reachable and the credentials are accepted
        } catch (SQLException e) {
            throw new StartupProblem(
                    "Cannot connect to the database at " + withoutCredentials(jdbcUrl)
                            + (user == null ? "" : " as user '" + user + "'")
                            + ": " + firstLine(e.getMessage()),
                    "check spring.datasource.url, spring.datasource.username and spring.datasource.password,"
                            + " or remove spring.datasource.url to use the embedded PostgreSQL.",
                    e);
        }
    }

    private static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse(message);
    }
}
