package org.premiumflow.web.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.premiumflow.billing.BillingRun;
import org.premiumflow.billing.BillingRunProgress;
import org.premiumflow.paymentmethod.InvalidFieldException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** How far the billing run of a coverage month got, for operators watching it. */
@RestController
class BillingRunController {

    private final BillingRun run;

    BillingRunController(BillingRun run) {
        this.run = run;
    }

    @GetMapping("/api/billing-runs/{coverageMonth}")
    BillingRunProgress progress(@PathVariable String coverageMonth) {
        YearMonth month;
        try {
            month = YearMonth.parse(coverageMonth);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("coverageMonth", "must be a month written like 2027-01");
        }
        return run.progress(month).orElseThrow(() -> new NoBillingRunException(month));
    }

    static class NoBillingRunException extends RuntimeException {
        NoBillingRunException(YearMonth month) {
            super("No billing run for " + month + " has started");
        }
    }
}
