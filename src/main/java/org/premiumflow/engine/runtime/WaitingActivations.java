package org.premiumflow.engine.runtime;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Activation requests that found no job and wait for one (long polling) without holding a thread
 * each. Jobs are handed out in the order the requests arrived. A request whose caller has gone
 * takes nothing: jobs claimed for it just as it went are given back at once instead of waiting
 * out their timeout. On shutdown every waiting request is answered with no jobs.
 */
public final class WaitingActivations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WaitingActivations.class);
    /** How often waiting requests look again without being told: for jobs made activatable on another node. */
    private static final long RECHECK_MILLIS = 500;

    /** Receives the jobs for a request; answers false when the caller is gone, so the jobs go back. */
    public interface Receiver {
        boolean receive(List<ActivatedJob> jobs);
    }

    private final Jobs jobs;
    private final Map<String, Queue<Waiting>> waitingByType = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    public WaitingActivations(Jobs jobs, JobAvailability availability) {
        this.jobs = jobs;
        availability.listen(this::serveLater);
    }

    /**
     * Activates jobs for the request now if there are any, else waits up to its request timeout.
     * Invalid requests are refused here, in the caller's thread.
     */
    public Waiting open(Jobs.Activation request, Receiver receiver) {
        Waiting waiting = new Waiting(request, receiver);
        List<ActivatedJob> found = jobs.activate(request);
        ScheduledExecutorService running = executor;
        if (!found.isEmpty() || request.requestTimeout().isZero() || running == null) {
            waiting.hand(found);
            return waiting;
        }
        waitingByType.computeIfAbsent(request.type(), type -> new ConcurrentLinkedQueue<>()).add(waiting);
        waiting.expiry = running.schedule(waiting::expire, request.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        // Jobs announced between the look above and joining the queue would otherwise wait for the recheck.
        serveLater(request.type());
        return waiting;
    }

    private void serveLater(String type) {
        ScheduledExecutorService running = executor;
        if (running != null && waitingByType.containsKey(type)) {
            running.execute(() -> serve(type));
        }
    }

    /** Hands jobs of one type to its waiting requests, oldest first, until there are no more jobs. */
    private void serve(String type) {
        Queue<Waiting> queue = waitingByType.get(type);
        if (queue == null) {
            return;
        }
        try {
            Waiting waiting;
            while ((waiting = queue.peek()) != null) {
                if (waiting.done.get()) {
                    queue.remove(waiting);
                    continue;
                }
                List<ActivatedJob> found = jobs.activate(waiting.request);
                if (found.isEmpty()) {
                    return;
                }
                queue.remove(waiting);
                waiting.hand(found);
            }
        } catch (RuntimeException e) {
            log.warn("Handing out jobs of type '{}' failed; waiting requests look again shortly: {}", type, e.getMessage());
        }
    }

    private void recheck() {
        waitingByType.forEach((type, queue) -> {
            queue.removeIf(waiting -> waiting.done.get());
            if (!queue.isEmpty()) {
                serve(type);
            }
        });
    }

    /** One waiting activation request. */
    public final class Waiting {
        private final Jobs.Activation request;
        private final Receiver receiver;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile ScheduledFuture<?> expiry;

        private Waiting(Jobs.Activation request, Receiver receiver) {
            this.request = request;
            this.receiver = receiver;
        }

        /** The caller has gone or given up: nothing is handed to it any more. */
        public void cancel() {
            if (done.compareAndSet(false, true)) {
                stopExpiry();
            }
        }

        private void expire() {
            if (done.compareAndSet(false, true)) {
                receiver.receive(List.of());
            }
        }

        private void hand(List<ActivatedJob> found) {
            boolean delivered = done.compareAndSet(false, true) && receiver.receive(found);
            stopExpiry();
            if (!delivered && !found.isEmpty()) {
                jobs.giveBack(found);
            }
        }

        private void stopExpiry() {
            ScheduledFuture<?> scheduled = expiry;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "engine-waiting-activations");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::recheck, RECHECK_MILLIS, RECHECK_MILLIS, TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Answers every waiting request with no jobs, so a graceful shutdown does not wait out long polls. */
    @Override
    public synchronized void stop() {
        ScheduledExecutorService stopping = executor;
        executor = null;
        if (stopping != null) {
            stopping.shutdownNow();
        }
        waitingByType.values().forEach(queue -> queue.forEach(Waiting::expire));
        waitingByType.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
