package org.premiumflow.lifeevent;

/**
 * The case a report made or found.
 *
 * @param created false when the same report came before and this is its case
 */
public record ReportedLifeEvent(LifeEvent lifeEvent, boolean created) {
}
