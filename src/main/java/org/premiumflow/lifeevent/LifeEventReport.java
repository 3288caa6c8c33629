package org.premiumflow.lifeevent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a member reports, already checked field by field: the event and the household as it is
 * after it.
 *
 * @param eventId  chosen by the member's client; the same id again is the same report
 * @param planId   a plan chosen with the change, e.g. a ConnectorCare plan after a job loss
 * @param leaving  ids of the member's household_person rows that leave the plan, in the order given
 * @param lateReport a caseworker's acceptance of a report after the 60-day window; none for a report in time
 */
public record LifeEventReport(String eventId, LifeEventType type, LocalDate eventDate, int householdSize, BigDecimal annualIncome,
                              boolean eligibleForOtherCoverage, Optional<String> planId, List<JoiningPerson> joining,
                              List<Long> leaving, Optional<LateReportAcceptance> lateReport) {

    public LifeEventReport {
        annualIncome = annualIncome.setScale(2);
        joining = List.copyOf(joining);
        leaving = List.copyOf(leaving);
    }
}
