package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Escalations: caught by the enclosing sub-process's boundary events, interrupting or not; uncaught, nothing stops. */
@ExtendWith(EngineUnderTest.class)
class EscalationConformanceTest {

    private final CamundaClient client;

    EscalationConformanceTest(CamundaClient client) {
        this.client = client;
    }

    private long start(String id) {
        return client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join().getProcessInstanceKey();
    }

    @Test
    void aNonInterruptingBoundaryEventCatchesAnEscalationAndTheThrowerGoesOn() {
        String id = Conformance.unique("escalate-review");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .subProcess("verify", sub -> sub.embeddedSubProcess()
                        .startEvent()
                        .intermediateThrowEvent("needs-supervisor", event -> event.escalation("SUPERVISOR_REVIEW"))
                        .serviceTask("verify-income", task -> task.zeebeJobType(id + "-verify"))
                        .endEvent())
                .boundaryEvent("supervisor-asked", event -> event.escalation("SUPERVISOR_REVIEW").cancelActivity(false))
                .serviceTask("inform-supervisor", task -> task.zeebeJobType(id + "-supervisor"))
                .endEvent()
                .moveToActivity("verify")
                .endEvent()
                .done());
        long instance = start(id);

        Conformance.complete(client, id + "-supervisor", Map.of());
        Conformance.complete(client, id + "-verify", Map.of());
        Conformance.awaitState(client, instance, "COMPLETED");
    }

    @Test
    void anInterruptingBoundaryEventEndsTheSubProcess() {
        String id = Conformance.unique("escalate-stop");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .subProcess("verify", sub -> sub.embeddedSubProcess()
                        .startEvent()
                        .parallelGateway("split")
                        .serviceTask("wait-documents", task -> task.zeebeJobType(id + "-documents"))
                        .endEvent()
                        .moveToNode("split")
                        .endEvent("fraud-suspected", end -> end.escalation("FRAUD")))
                .boundaryEvent("fraud", event -> event.escalation("FRAUD").cancelActivity(true))
                .serviceTask("investigate", task -> task.zeebeJobType(id + "-investigate"))
                .endEvent()
                .moveToActivity("verify")
                .endEvent()
                .done());
        long instance = start(id);

        Conformance.complete(client, id + "-investigate", Map.of());
        Conformance.awaitState(client, instance, "COMPLETED");
        assertThat(Conformance.activate(client, id + "-documents", Duration.ofMinutes(1), Duration.ofMillis(300)))
                .as("the sub-process's other work ended with it").isEmpty();
    }

    @Test
    void anUncaughtEscalationIsNoIncident() {
        String id = Conformance.unique("escalate-nobody");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .intermediateThrowEvent("flag", event -> event.escalation("LATE_PAYMENT"))
                .serviceTask("next", task -> task.zeebeJobType(id + "-next"))
                .endEvent()
                .done());
        long instance = start(id);

        ActivatedJob next = Conformance.activateOne(client, id + "-next");
        assertThat(Conformance.activeIncidents(client, instance)).isEmpty();
        client.newCompleteCommand(next).send().join();
        Conformance.awaitState(client, instance, "COMPLETED");
    }

    @Test
    void anEscalationEventSubProcessCatchesEscalationsOfItsScope() {
        String id = Conformance.unique("escalate-esp");
        var process = Bpmn.createExecutableProcess(id);
        process.startEvent()
                .intermediateThrowEvent("flag", event -> event.escalation("MANUAL_REVIEW"))
                .serviceTask("go-on", task -> task.zeebeJobType(id + "-go-on"))
                .endEvent();
        process.eventSubProcess("review", sub -> sub.startEvent("review-requested").interrupting(false).escalation("MANUAL_REVIEW")
                .serviceTask("review-case", task -> task.zeebeJobType(id + "-review"))
                .endEvent());
        Conformance.deploy(client, process.done());
        long instance = start(id);

        Conformance.complete(client, id + "-review", Map.of());
        Conformance.complete(client, id + "-go-on", Map.of());
        Conformance.awaitState(client, instance, "COMPLETED");
    }
}
