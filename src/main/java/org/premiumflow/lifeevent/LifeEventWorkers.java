package org.premiumflow.lifeevent;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.UserTask;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.rating.AppliedPremiumChange;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code bpmn/life-event-recalculation.bpmn}: asking for proof, showing the
 * caseworker what came in, and recording the decision. Each returns what is stored (not what it was
 * asked), so a repeated job gives the process the same answer.
 */
@Component
public class LifeEventWorkers {

    static final String VERIFY_TASK = "verify-life-event";

    private final LifeEventVerification verification;
    private final LifeEvents lifeEvents;
    private final PremiumRecalculation recalculation;
    private final CamundaClient client;

    LifeEventWorkers(LifeEventVerification verification, LifeEvents lifeEvents, PremiumRecalculation recalculation,
                     CamundaClient client) {
        this.verification = verification;
        this.lifeEvents = lifeEvents;
        this.recalculation = recalculation;
        this.client = client;
    }

    /** Re-rates the approved event's household; the member is told the new premium by NEW_PREMIUM. */
    @JobWorker(type = "recalculate-premium")
    public Map<String, Object> recalculate(@Variable Long lifeEventId, @Variable String effectiveDateRule) {
        List<AppliedPremiumChange> changes = recalculation.recalculate(lifeEventId, effectiveDateRule);
        return Map.of("premiumChanges", changes.stream().map(AppliedPremiumChange::reference).toList());
    }

    @JobWorker(type = "await-life-event-proof")
    public Map<String, Object> awaitProof(@Variable Long lifeEventId) {
        ProofRequest request = verification.awaitProof(lifeEventId);
        return Map.of("proofDueDate", request.dueOn().toString(),
                "proofReminderAt", request.reminderAt().toString(),
                "proofDeadlineAt", request.deadlineAt().toString(),
                "proofRequestNumber", 1);
    }

    /** The documents the member sent, oldest first, as the caseworker's form lists them. */
    @JobWorker(type = "look-up-life-event-documents")
    public Map<String, Object> documents(@Variable Long lifeEventId) {
        List<Map<String, Object>> documents = lifeEvents.byId(lifeEventId).orElseThrow().documents().stream()
                .map(document -> {
                    Map<String, Object> shown = new HashMap<>();
                    shown.put("kind", document.kind());
                    shown.put("description", document.description() == null ? "" : document.description());
                    shown.put("receivedDate", LocalDate.ofInstant(document.receivedAt(), ExchangeClock.EXCHANGE_ZONE).toString());
                    return shown;
                })
                .toList();
        return Map.of("documents", documents, "documentCount", documents.size());
    }

    @JobWorker(type = "approve-life-event-without-proof")
    public Map<String, Object> approveWithoutProof(@Variable Long lifeEventId) {
        return decided(verification.approveWithoutProof(lifeEventId));
    }

    @JobWorker(type = "record-life-event-verification")
    public Map<String, Object> recordVerification(ActivatedJob job, @Variable Long lifeEventId, @Variable String verificationDecision,
                                                  @Variable String verificationNote) {
        if (!"APPROVE".equals(verificationDecision) && !"REJECT".equals(verificationDecision)) {
            throw new IllegalArgumentException("verificationDecision must be APPROVE or REJECT here, but was " + verificationDecision);
        }
        String note = verificationNote == null || verificationNote.isBlank() ? "Decided by a caseworker on the proof you sent."
                : verificationNote.strip();
        return decided(verification.decideOnProof(lifeEventId, "APPROVE".equals(verificationDecision), caseworker(job), note));
    }

    @JobWorker(type = "reject-life-event-without-proof")
    public Map<String, Object> rejectForMissingProof(@Variable Long lifeEventId) {
        return decided(verification.rejectForMissingProof(lifeEventId));
    }

    private static Map<String, Object> decided(LifeEvent lifeEvent) {
        return Map.of("lifeEventStatus", lifeEvent.status().name(),
                "decision", lifeEvent.status() == LifeEventStatus.APPROVED ? "approved" : "denied",
                "decisionReason", lifeEvent.decisionReason().orElseThrow());
    }

    /**
     * Who completed the verification task, for the record: its assignee. A cluster's search may
     * not show the completed task yet; the job then fails and is tried again.
     */
    private String caseworker(ActivatedJob job) {
        UserTask task = client.newUserTaskSearchRequest()
                .filter(filter -> filter.processInstanceKey(job.getProcessInstanceKey()).elementId(VERIFY_TASK))
                .send().join().items().stream()
                .reduce((first, later) -> later)
                .orElseThrow(() -> new IllegalStateException("The task " + VERIFY_TASK + " of process instance "
                        + job.getProcessInstanceKey() + " is not searchable yet"));
        String assignee = task.getAssignee();
        return assignee == null || assignee.isBlank() ? "(unassigned)" : assignee;
    }
}
