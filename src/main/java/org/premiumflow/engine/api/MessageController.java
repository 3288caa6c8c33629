package org.premiumflow.engine.api;

import io.camunda.client.protocol.rest.MessagePublicationResult;
import java.time.Duration;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.runtime.Messages;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class MessageController {

    private final Messages messages;

    MessageController(Messages messages) {
        this.messages = messages;
    }

    @PostMapping("/v2/messages/publication")
    MessagePublicationResult publish(@RequestBody String body) {
        JsonBody request = JsonBody.read(body);
        Long timeToLive = request.number("timeToLive");
        String tenantId = Tenants.orDefault(request.text("tenantId"));
        long key = messages.publish(new Messages.Publication(request.text("name"), request.text("correlationKey"),
                Duration.ofMillis(timeToLive == null ? 0 : timeToLive), request.text("messageId"), request.object("variables"),
                tenantId));
        return new MessagePublicationResult().messageKey(Keys.text(key)).tenantId(tenantId);
    }
}
