package org.premiumflow.recovery;

import java.math.BigDecimal;

/** The member has not paid enough to be reinstated; the amount still needed says how much more (422). */
public class ReinstatementUnpaidException extends RuntimeException {

    private final ReinstatementTerms terms;

    public ReinstatementUnpaidException(ReinstatementTerms terms) {
        super("Reinstatement takes $" + terms.total().toPlainString() + " (the premiums from " + terms.firstUnpaidMonth()
                + " through " + terms.nextMonth() + "); with a credit of $" + terms.credit().toPlainString() + ", $"
                + terms.stillNeeded().toPlainString() + " is still needed");
        this.terms = terms;
    }

    public BigDecimal amountNeeded() {
        return terms.stillNeeded();
    }

    public ReinstatementTerms terms() {
        return terms;
    }
}
