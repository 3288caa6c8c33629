package org.premiumflow.recovery;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.UserTask;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The tasks of the grace period's event sub-processes for a hardship waiver request and an appeal:
 * what the caseworker's form shows, and recording the caseworker's decision. The variables carry
 * the kind in their names ({@code waiver...}, {@code appeal...}) because both sub-processes may run
 * at once in one process instance.
 */
@Component
public class RequestDecisionWorkers {

    private final RequestDecisions decisions;
    private final CamundaClient client;

    RequestDecisionWorkers(RequestDecisions decisions, CamundaClient client) {
        this.decisions = decisions;
        this.client = client;
    }

    @JobWorker(type = "look-up-hardship-waiver-request")
    public Map<String, Object> lookUpWaiver(@Variable Long waiverRequestId) {
        RequestDecisions.CaseSummary summary = decisions.summary(waiverRequestId);
        return Map.of("waiverReason", summary.reason(), "waiverUnpaidMonths", summary.unpaidMonths(),
                "waiverTotalDue", summary.totalDue());
    }

    @JobWorker(type = "look-up-appeal")
    public Map<String, Object> lookUpAppeal(@Variable Long appealId) {
        RequestDecisions.CaseSummary summary = decisions.summary(appealId);
        return Map.of("appealReason", summary.reason(), "appealUnpaidMonths", summary.unpaidMonths(),
                "appealTotalDue", summary.totalDue());
    }

    @JobWorker(type = "record-hardship-waiver-decision")
    public Map<String, Object> recordWaiver(ActivatedJob job, @Variable Long waiverRequestId, @Variable String waiverDecision,
                                            @Variable String waiverNote) {
        boolean approved = choice(waiverDecision, "APPROVE", "waiverDecision");
        DelinquencyRequest decided = decisions.decide(waiverRequestId, approved, caseworker(job, "decide-hardship-waiver"), note(waiverNote));
        return Map.of("waiverStatus", decided.status());
    }

    /** Header {@code decisionTask}: the user task decided, when not the grace's "decide-appeal" (an appeal of the termination). */
    @JobWorker(type = "record-appeal-decision")
    public Map<String, Object> recordAppeal(ActivatedJob job, @Variable Long appealId, @Variable String appealDecision,
                                            @Variable String appealNote) {
        boolean upheld = choice(appealDecision, "UPHOLD", "appealDecision");
        String decisionTask = job.getCustomHeaders().getOrDefault("decisionTask", "decide-appeal");
        DelinquencyRequest decided = decisions.decide(appealId, upheld, caseworker(job, decisionTask), note(appealNote));
        return Map.of("appealStatus", decided.status());
    }

    private static boolean choice(String decision, String grant, String variable) {
        if (!grant.equals(decision) && !"DENY".equals(decision)) {
            throw new IllegalArgumentException(variable + " must be " + grant + " or DENY, but was " + decision);
        }
        return grant.equals(decision);
    }

    private static String note(String note) {
        return note == null ? "" : note.strip();
    }

    /**
     * Who completed the decision task, for the record: its assignee. A cluster's search may not
     * show the completed task yet; the job then fails and is tried again.
     */
    private String caseworker(ActivatedJob job, String elementId) {
        UserTask task = client.newUserTaskSearchRequest()
                .filter(filter -> filter.processInstanceKey(job.getProcessInstanceKey()).elementId(elementId))
                .send().join().items().stream()
                .reduce((first, later) -> later)
                .orElseThrow(() -> new IllegalStateException("The task " + elementId + " of process instance "
                        + job.getProcessInstanceKey() + " is not searchable yet"));
        String assignee = task.getAssignee();
        return assignee == null || assignee.isBlank() ? "(unassigned)" : assignee;
    }
}
