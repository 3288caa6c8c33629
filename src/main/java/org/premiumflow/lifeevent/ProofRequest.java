package org.premiumflow.lifeevent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the member is asked for and by when.
 *
 * @param dueOn      the last day proof may come (report date + 90 days)
 * @param reminderAt when the member is reminded, if nothing was decided by then
 * @param deadlineAt midnight at the exchange after the due date: proof not in by then, the event is rejected
 */
public record ProofRequest(LocalDate dueOn, Instant reminderAt, Instant deadlineAt) {
}
