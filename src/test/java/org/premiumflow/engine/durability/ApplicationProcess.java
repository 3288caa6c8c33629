package org.premiumflow.engine.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.premiumflow.PremiumflowApplication;

/** The application in a JVM of its own, so a test can kill it the hard way. */
final class ApplicationProcess {

    /** How much of the application's log a failed start-up shows: enough for the exception that stopped it. */
    private static final int LOG_LINES_SHOWN = 60;

    private final Process process;
    private final int port;
    private final Path log;

    private ApplicationProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ApplicationProcess start(int port, Path dataDirectory, Path log) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                PremiumflowApplication.class.getName(),
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--premiumflow.embedded.postgres.data-directory=" + dataDirectory);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ApplicationProcess application = new ApplicationProcess(process, port, log);
            application.awaitHealthy(Duration.ofMinutes(2));
            return application;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI restAddress() {
        return URI.create("http://localhost:" + port);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, the embedded PostgreSQL is orphaned. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private void awaitHealthy(Duration limit) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited during start-up with " + process.exitValue()
                        + "; the end of its log:\n" + logTail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(restAddress().resolve("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The application did not become healthy within " + limit + "; the end of its log:\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
        } catch (IOException e) {
            return "(the log could not be read: " + e.getMessage() + ")";
        }
    }
}
