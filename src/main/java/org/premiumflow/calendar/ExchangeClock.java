package org.premiumflow.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of the business: the system clock in the exchange's time zone (America/New_York),
 * or a pinned instant that tests and demos move forward instead of waiting for due dates,
 * reminders and expiries. Every domain class takes its time from here, never from the system.
 */
public final class ExchangeClock extends Clock {

    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

    private final Clock system;
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public ExchangeClock(Clock system) {
        this.system = system;
    }

    public static ExchangeClock system() {
        return new ExchangeClock(Clock.systemUTC());
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

    /** Today's date at the exchange. */
    public LocalDate today() {
        return LocalDate.now(this);
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at == null ? system.instant() : at;
    }

    @Override
    public ZoneId getZone() {
        return EXCHANGE_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The exchange clock is always in " + EXCHANGE_ZONE);
    }
}
