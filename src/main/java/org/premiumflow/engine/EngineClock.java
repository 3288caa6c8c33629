package org.premiumflow.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock every due time and timestamp of the engine comes from: the system clock, or a
 * pinned instant that tests (and the Camunda clock API) move forward instead of sleeping.
 */
public final class EngineClock extends Clock {

    private final Clock system;
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public EngineClock(Clock system) {
        this.system = system;
    }

    public static EngineClock system() {
        return new EngineClock(Clock.systemUTC());
    }

    /** Stops the clock at the given instant until it is moved or reset. */
    public void pin(Instant instant) {
        pinned.set(instant);
    }

    /** Moves a pinned clock forward, or pins the current time moved forward. */
    public void advance(Duration duration) {
        pinned.updateAndGet(current -> (current == null ? system.instant() : current).plus(duration));
    }

    /** Back to the system clock. */
    public void reset() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at == null ? system.instant() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The engine clock is always UTC");
    }
}
