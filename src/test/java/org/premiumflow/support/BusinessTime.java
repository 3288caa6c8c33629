package org.premiumflow.support;

import io.camunda.client.CamundaClient;
import java.time.Instant;
import org.premiumflow.calendar.ExchangeClock;

/** Moves the business clock and the engine's clock together, as tests move time instead of waiting for it. */
public final class BusinessTime {

    private final ExchangeClock clock;
    private final CamundaClient client;

    public BusinessTime(ExchangeClock clock, CamundaClient client) {
        this.clock = clock;
        this.client = client;
    }

    public void moveTo(Instant instant) {
        clock.pin(instant);
        client.newPinClockCommand().time(instant).send().join();
    }

    public void reset() {
        clock.reset();
        client.newResetClockCommand().send().join();
    }
}
