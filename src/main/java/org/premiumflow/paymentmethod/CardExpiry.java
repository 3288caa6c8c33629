package org.premiumflow.paymentmethod;

import java.time.YearMonth;

/** The month a card expires; it is valid through the last day of that month. */
public record CardExpiry(YearMonth month) {

    public CardExpiry {
        if (month == null) {
            throw new InvalidFieldException("expiry", "is required (month and year)");
        }
    }

    /** Refuses a card that has expired by {@code today}'s month. */
    public CardExpiry requireNotExpired(YearMonth today) {
        if (month.isBefore(today)) {
            throw new InvalidFieldException("expiry", "the card expired at the end of " + month);
        }
        return this;
    }
}
