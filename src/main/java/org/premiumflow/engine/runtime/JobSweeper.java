package org.premiumflow.engine.runtime;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Looks for jobs whose activation timed out or whose back-off ended, several times a second. */
public final class JobSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);
    private static final long PERIOD_MILLIS = 100;

    private final Jobs jobs;
    private ScheduledExecutorService scheduler;

    public JobSweeper(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "engine-job-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            jobs.sweep();
        } catch (RuntimeException e) {
            log.warn("Job sweep failed; trying again shortly: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
