package org.premiumflow.billing;

import java.math.BigDecimal;

/** An enrollment as a coverage month's invoice needs it: whose it is and the member's share of that month's premium. */
record BillableEnrollment(long enrollmentId, String memberId, BigDecimal memberResponsibility) {
}
