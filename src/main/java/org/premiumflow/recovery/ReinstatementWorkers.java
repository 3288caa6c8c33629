package org.premiumflow.recovery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The delinquency process's tasks restoring coverage after a termination: by reinstatement, or
 * on an appeal upheld. The reinstatement task checks the money again: a debit may have come
 * back since the member asked. Then it throws BPMN error {@value #NOT_PAID}, and the process goes
 * back to waiting for a request until the days to ask are over, with coverage still ended.
 */
@Component
public class ReinstatementWorkers {

    static final String NOT_PAID = "REINSTATEMENT_NOT_PAID";

    private final Reinstatements reinstatements;

    ReinstatementWorkers(Reinstatements reinstatements) {
        this.reinstatements = reinstatements;
    }

    /** Answers the first month covered again, for the confirmation (not named coverageMonth: the process has one). */
    @JobWorker(type = "reinstate-coverage")
    public Map<String, Object> reinstate(@Variable Long enrollmentId, @Variable String coverageEndDate) {
        try {
            reinstatements.reinstate(enrollmentId);
        } catch (ReinstatementUnpaidException e) {
            throw CamundaError.bpmnError(NOT_PAID, e.getMessage());
        }
        return Map.of("reinstatedFrom", YearMonth.from(LocalDate.parse(coverageEndDate).plusDays(1)).toString());
    }

    /** An appeal of the termination was upheld: coverage comes back with the months owed, nothing paid first. */
    @JobWorker(type = "restore-coverage-on-appeal")
    public Map<String, Object> restoreOnAppeal(@Variable Long enrollmentId, @Variable String coverageEndDate) {
        reinstatements.restoreOnAppeal(enrollmentId);
        return Map.of("reinstatedFrom", YearMonth.from(LocalDate.parse(coverageEndDate).plusDays(1)).toString());
    }
}
