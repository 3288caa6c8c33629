package org.premiumflow.sandbox;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Connections of its own for a sandbox that stands in for an outside service (a processor, a
 * text-message provider): like the real service it acts in its own transactions while the
 * caller's is open, and on the caller's pool a burst of callers could each hold one connection
 * and wait forever for a second. Not a DataSource bean, which would displace the application's.
 */
public final class SandboxConnections implements AutoCloseable {

    private final HikariDataSource pool = new HikariDataSource();

    public SandboxConnections(String name, int connections, JdbcConnectionDetails database) {
        pool.setPoolName(name);
        pool.setJdbcUrl(database.getJdbcUrl());
        pool.setUsername(database.getUsername());
        pool.setPassword(database.getPassword());
        pool.setMaximumPoolSize(connections);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
