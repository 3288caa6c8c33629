package org.premiumflow.engine.api;

import java.time.Instant;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.EngineClock;
import org.premiumflow.engine.InvalidArgumentException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pins the engine clock at an instant, or lets it run again: how tests (and demos) move time
 * for job deadlines and back-offs instead of waiting for it.
 */
@RestController
@ConditionalOnEmbeddedEngine
class ClockController {

    private final EngineClock clock;

    ClockController(EngineClock clock) {
        this.clock = clock;
    }

    @PutMapping("/v2/clock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void pin(@RequestBody String body) {
        Long timestamp = JsonBody.read(body).number("timestamp");
        if (timestamp == null || timestamp < 0) {
            throw new InvalidArgumentException("Expected a timestamp in milliseconds since the epoch, but was '" + timestamp + "'");
        }
        clock.pin(Instant.ofEpochMilli(timestamp));
    }

    @PostMapping("/v2/clock/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset() {
        clock.reset();
    }
}
