package org.premiumflow.member;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A monthly premium: the plan's gross price, the advance premium tax credit paid by the
 * government, and what is left for the member to pay (gross less APTC). Dollars and cents.
 */
public record Premium(BigDecimal gross, BigDecimal aptc) {

    public Premium {
        if (gross == null || gross.signum() < 0) {
            throw new IllegalArgumentException("gross: must be zero or more");
        }
        if (aptc == null || aptc.signum() < 0 || aptc.compareTo(gross) > 0) {
            throw new IllegalArgumentException("aptc: must be between zero and the gross premium");
        }
        gross = gross.setScale(2, RoundingMode.UNNECESSARY);
        aptc = aptc.setScale(2, RoundingMode.UNNECESSARY);
    }

    public BigDecimal memberResponsibility() {
        return gross.subtract(aptc);
    }

    /** ConnectorCare plan types 1 and 2A, for example: nothing to collect, never delinquent. */
    public boolean isZero() {
        return memberResponsibility().signum() == 0;
    }
}
