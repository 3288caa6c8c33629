package org.premiumflow.notification.sms.sandbox;

import java.util.List;
import org.premiumflow.notification.sms.sandbox.SandboxTextMessageGateway.ReceivedText;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a member's phone would show: the texts the sandbox took for one number, so that a demo or
 * a manual test can read them. Exists only with the sandbox provider.
 */
@RestController
@ConditionalOnProperty(name = "premiumflow.text-messages.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxTextMessageController {

    private final SandboxTextMessageGateway sandbox;

    SandboxTextMessageController(SandboxTextMessageGateway sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping("/sandbox/text-messages")
    List<ReceivedText> texts(@RequestParam String phone) {
        return sandbox.sentTo(phone);
    }
}
