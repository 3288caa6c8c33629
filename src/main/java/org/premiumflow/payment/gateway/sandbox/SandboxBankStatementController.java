package org.premiumflow.payment.gateway.sandbox;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a member would read on their bank statement after micro-deposits: the sandbox shows the
 * credits it sent to an account (by routing number and last four digits), so that a demo or a
 * manual test can confirm them. Exists only with the sandbox processor.
 */
@RestController
@ConditionalOnProperty(name = "premiumflow.payment-gateway.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxBankStatementController {

    private final SandboxPaymentGateway sandbox;

    SandboxBankStatementController(SandboxPaymentGateway sandbox) {
        this.sandbox = sandbox;
    }

    record Credit(String description, BigDecimal amount) {
    }

    @GetMapping("/sandbox/bank-statement")
    List<Credit> statement(@RequestParam String routingNumber, @RequestParam String lastFour) {
        return sandbox.microDepositsTo(routingNumber, lastFour).stream()
                .flatMap(List::stream)
                .map(amount -> new Credit("ACCTVERIFY", amount))
                .toList();
    }
}
