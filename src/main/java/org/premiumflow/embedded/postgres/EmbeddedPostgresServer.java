package org.premiumflow.embedded.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.premiumflow.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries on the classpath, owned by the application: it
 * starts with the application context and is stopped (a clean, checkpointed shutdown) when the
 * context closes, so the data folder is consistent for the next start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String database) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.database = database;
    }

    public static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) {
        Path dataDirectory = dataDirectory(properties);
        requireFreePort(properties.port());
        OrphanedServer.stopIfAny(dataDirectory);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(properties.ephemeral())
                    .setPort(properties.port())
                    // The library's defaults favour test speed; a committed payment must survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(properties.startupTimeout())
                    // Spring's shutdown stops the server after the connection pool has closed.
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (OverlappingFileLockException e) {
            throw dataDirectoryInUse(dataDirectory, e);
        } catch (IllegalStateException e) {
            // zonky's words when another process holds the data folder's lock file
            if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw dataDirectoryInUse(dataDirectory, e);
            }
            throw didNotStart(dataDirectory, e);
        } catch (IOException e) {
            throw didNotStart(dataDirectory, e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory, properties.database());
        server.createDatabaseIfMissing();
        log.info("Embedded PostgreSQL listening on port {}, database '{}', data in {}{}",
                postgres.getPort(), properties.database(), dataDirectory,
                properties.ephemeral() ? " (thrown away on stop)" : "");
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public String username() {
        return USER;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        log.info("Stopping embedded PostgreSQL (data in {})", dataDirectory);
        postgres.close();
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new StartupProblem("Could not create the database '" + database + "' in the embedded PostgreSQL: "
                    + e.getMessage(), "check premiumflow.embedded.postgres.database.", e);
        }
    }

    private static StartupProblem dataDirectoryInUse(Path dataDirectory, Exception cause) {
        return new StartupProblem(
                "The embedded PostgreSQL data folder " + dataDirectory + " is in use by another running premiumflow",
                "stop the other instance, or set premiumflow.embedded.postgres.data-directory to another folder.",
                cause);
    }

    private static StartupProblem didNotStart(Path dataDirectory, Exception cause) {
        return new StartupProblem(
                "The embedded PostgreSQL server did not start with data folder " + dataDirectory + ": " + cause.getMessage(),
                "see the PostgreSQL log lines above; a damaged folder can be moved aside to start afresh.",
                cause);
    }

    private static Path dataDirectory(EmbeddedPostgresProperties properties) {
        try {
            if (properties.ephemeral()) {
                return Files.createTempDirectory("premiumflow-postgres-");
            }
            return Files.createDirectories(properties.dataDirectory().toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new StartupProblem("Cannot create the embedded PostgreSQL data folder "
                    + properties.dataDirectory().toAbsolutePath() + ": " + e.getMessage(),
                    "set premiumflow.embedded.postgres.data-directory to a writable folder.", e);
        }
    }

    private static void requireFreePort(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartupProblem("Port " + port + " for the embedded PostgreSQL is already in use",
                    "stop what listens there, or set premiumflow.embedded.postgres.port to another port (0 picks a free one).",
                    e);
        }
    }
}
