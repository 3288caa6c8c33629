package org.premiumflow.engine.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells whoever waits for work that jobs of a type became activatable, once the transaction that
 * made them so has committed. Only this node hears it; other nodes find such jobs when they look
 * again.
 */
public final class JobAvailability {

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void announce(String type) {
        listeners.forEach(listener -> listener.accept(type));
    }
}
