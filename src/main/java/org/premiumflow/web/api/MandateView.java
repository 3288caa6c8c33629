package org.premiumflow.web.api;

import org.premiumflow.autopay.AutoPayMandate;

/** An AutoPay mandate as the member sees it. */
record MandateView(long id, long paymentMethodId, String status, String amountRule, String authorizedBy, String authorizedAt,
                   String firstDraftDate, String firstCoverageMonth, String endedAt, String draftsBefore) {

    static MandateView of(AutoPayMandate mandate) {
        return new MandateView(mandate.id(), mandate.paymentMethodId(), mandate.status().name(), mandate.amountRule(),
                mandate.authorizedBy(), mandate.authorizedAt().toString(),
                mandate.firstDraftDate() == null ? null : mandate.firstDraftDate().toString(),
                mandate.firstCoverageMonth() == null ? null : mandate.firstCoverageMonth().toString(),
                mandate.endedAt() == null ? null : mandate.endedAt().toString(),
                mandate.draftsBefore() == null ? null : mandate.draftsBefore().toString());
    }
}
