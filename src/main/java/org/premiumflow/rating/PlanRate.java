package org.premiumflow.rating;

import java.math.BigDecimal;

/** A plan's monthly premium at age factor 1.000 in a coverage year, and whether it is a ConnectorCare plan. */
record PlanRate(String planId, String planName, boolean connectorCare, BigDecimal basePremium) {
}
