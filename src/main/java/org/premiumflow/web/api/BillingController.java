package org.premiumflow.web.api;

import org.premiumflow.billing.BillingStatement;
import org.premiumflow.billing.BillingSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The member's "Billing" view: balance, next due date, upcoming AutoPay draft, invoices and history. */
@RestController
class BillingController {

    private final BillingStatement statement;

    BillingController(BillingStatement statement) {
        this.statement = statement;
    }

    @GetMapping("/api/members/{memberId}/billing")
    BillingSummary billing(@PathVariable String memberId) {
        return statement.of(memberId);
    }
}
