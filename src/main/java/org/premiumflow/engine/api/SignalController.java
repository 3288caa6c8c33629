package org.premiumflow.engine.api;

import io.camunda.client.protocol.rest.SignalBroadcastResult;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.runtime.SignalBroadcasts;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class SignalController {

    private final SignalBroadcasts signals;

    SignalController(SignalBroadcasts signals) {
        this.signals = signals;
    }

    @PostMapping("/v2/signals/broadcast")
    SignalBroadcastResult broadcast(@RequestBody String body) {
        JsonBody request = JsonBody.read(body);
        String tenantId = Tenants.orDefault(request.text("tenantId"));
        long key = signals.broadcast(request.text("signalName"), request.object("variables"), tenantId);
        return new SignalBroadcastResult().signalKey(Keys.text(key)).tenantId(tenantId);
    }
}
