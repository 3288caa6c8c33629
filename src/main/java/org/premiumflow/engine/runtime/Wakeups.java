package org.premiumflow.engine.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wakes callers that wait for something of a given name (a process instance that ended), so
 * awaited results do not spin. A waiter takes its ticket before it looks, so a wake-up between
 * its look and its wait is not lost.
 */
public final class Wakeups<K> {

    private final ConcurrentHashMap<K, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    public Ticket ticket(K name) {
        return new Ticket(waiting.computeIfAbsent(name, key -> new CompletableFuture<>()));
    }

    public void wake(K name) {
        CompletableFuture<Void> waiters = waiting.remove(name);
        if (waiters != null) {
            waiters.complete(null);
        }
    }

    public static final class Ticket {
        private final CompletableFuture<Void> future;

        private Ticket(CompletableFuture<Void> future) {
            this.future = future;
        }

        /** @return true if woken, false if the time ran out */
        public boolean await(long millis) {
            if (millis <= 0) {
                return future.isDone();
            }
            try {
                future.get(millis, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
