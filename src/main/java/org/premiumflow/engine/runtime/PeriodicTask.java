package org.premiumflow.engine.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Engine work that looks for what has become due, several times a second, on a thread of its
 * own: timed-out jobs, ended back-offs, due timers. A failed round is logged and the next one
 * tries again.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration period;
    private final Runnable work;
    private ScheduledExecutorService scheduler;

    public PeriodicTask(String name, Duration period, Runnable work) {
        this.name = name;
        this.period = period;
        this.work = work;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runOnce, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; trying again shortly: {}", name, e.getMessage());
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
