package org.premiumflow.autopay;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What activating AutoPay on a verified method did: started AutoPay, replaced the method of an
 * active AutoPay, or nothing because the member had not asked for AutoPay on this method.
 */
public record AutoPayActivation(Outcome outcome, Long mandateId, LocalDate firstDraftDate, YearMonth firstCoverageMonth,
                                Long previousPaymentMethodId) {

    public enum Outcome { ACTIVATED, REPLACED, NOT_REQUESTED }

    static AutoPayActivation notRequested() {
        return new AutoPayActivation(Outcome.NOT_REQUESTED, null, null, null, null);
    }
}
