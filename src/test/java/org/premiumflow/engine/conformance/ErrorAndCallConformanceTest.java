package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** BPMN errors and their catching, call activities and the variables that cross them. */
@ExtendWith(EngineUnderTest.class)
class ErrorAndCallConformanceTest {

    @Test
    void aBpmnErrorFromAJobIsCaughtByTheMatchingBoundaryEventWithItsVariables(CamundaClient client) {
        String id = Conformance.unique("declined");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("charge", task -> task.zeebeJobType(id + "-charge"))
                .boundaryEvent("hard-decline", event -> event.error("HARD_DECLINE"))
                .scriptTask("invalidate", task -> task.zeebeExpression("\"invalid: \" + reason").zeebeResultVariable("method"))
                .serviceTask("ask-for-new-method", task -> task.zeebeJobType(id + "-ask"))
                .endEvent("method-invalidated")
                .moveToActivity("charge")
                .boundaryEvent("insufficient-funds", event -> event.error("NSF"))
                .endEvent("retry-later")
                .moveToActivity("charge")
                .endEvent("paid")
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

        ActivatedJob job = Conformance.activateOne(client, id + "-charge");
        client.newThrowErrorCommand(job).errorCode("HARD_DECLINE").errorMessage("card reported stolen")
                .variables(Map.of("reason", "stolen")).send().join();

        ActivatedJob ask = Conformance.activateOne(client, id + "-ask");
        assertThat(ask.getVariablesAsMap()).containsEntry("method", "invalid: stolen");
        client.newCompleteCommand(ask).send().join();
        Conformance.awaitState(client, instance.getProcessInstanceKey(), "COMPLETED");
        assertThat(Conformance.activeIncidents(client, instance.getProcessInstanceKey())).isEmpty();
    }

    @Test
    void anUncaughtErrorIsAnIncident(CamundaClient client) {
        String id = Conformance.unique("uncaught");
        Conformance.deploy(client, Conformance.oneTask(id, id + "-charge"));
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

        ActivatedJob job = Conformance.activateOne(client, id + "-charge");
        client.newThrowErrorCommand(job).errorCode("R02").errorMessage("account closed").send().join();

        Incident incident = Conformance.awaitIncident(client, instance.getProcessInstanceKey());
        assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
        assertThat(incident.getErrorMessage()).contains("R02").contains("account closed");
    }

    @Test
    void anErrorEndEventInsideASubProcessIsCaughtOnTheSubProcess(CamundaClient client) {
        String id = Conformance.unique("sub-error");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .subProcess("verify", sub -> sub.embeddedSubProcess()
                        .startEvent()
                        .endEvent("three-wrong-tries", end -> end.error("VERIFICATION_FAILED")))
                .boundaryEvent("failed", event -> event.error("VERIFICATION_FAILED"))
                .scriptTask("flag", task -> task.zeebeExpression("\"manual review\"").zeebeResultVariable("next"))
                .endEvent()
                .moveToActivity("verify")
                .endEvent("verified")
                .done());

        Map<String, Object> variables = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().withResult()
                .send().join().getVariablesAsMap();

        assertThat(variables).containsEntry("next", "manual review");
    }

    @Test
    void aCallActivityPassesVariablesDownAndBack(CamundaClient client) {
        String child = Conformance.unique("child");
        String parent = Conformance.unique("parent");
        Conformance.deploy(client, Bpmn.createExecutableProcess(child)
                .startEvent()
                .serviceTask("charge", task -> task.zeebeJobType(child + "-charge"))
                .endEvent()
                .done());
        Conformance.deploy(client, Bpmn.createExecutableProcess(parent)
                .startEvent()
                .callActivity("collect", call -> call.zeebeProcessId(child))
                .endEvent()
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(parent).latestVersion()
                .variables(Map.of("invoiceId", "INV-3")).send().join();

        ActivatedJob job = Conformance.activateOne(client, child + "-charge");
        assertThat(job.getVariablesAsMap()).containsEntry("invoiceId", "INV-3");
        assertThat(job.getProcessInstanceKey()).isNotEqualTo(instance.getProcessInstanceKey());
        client.newCompleteCommand(job).variables(Map.of("paymentId", "PAY-3")).send().join();

        Conformance.awaitState(client, instance.getProcessInstanceKey(), "COMPLETED");
        var childInstance = client.newProcessInstanceGetRequest(job.getProcessInstanceKey()).send().join();
        assertThat(childInstance.getParentProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
        assertThat(childInstance.getState().name()).isEqualTo("COMPLETED");
    }

    @Test
    void anErrorThrownInACalledProcessIsCaughtOnTheCallActivity(CamundaClient client) {
        String child = Conformance.unique("child-err");
        String parent = Conformance.unique("parent-err");
        Conformance.deploy(client, Conformance.oneTask(child, child + "-charge"));
        Conformance.deploy(client, Bpmn.createExecutableProcess(parent)
                .startEvent()
                .callActivity("collect", call -> call.zeebeProcessId(child))
                .boundaryEvent("closed-account", event -> event.error("R02"))
                .scriptTask("ask-for-new-method", task -> task.zeebeExpression("true").zeebeResultVariable("asked"))
                .endEvent()
                .moveToActivity("collect")
                .endEvent()
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(parent).latestVersion().send().join();

        ActivatedJob job = Conformance.activateOne(client, child + "-charge");
        client.newThrowErrorCommand(job).errorCode("R02").send().join();

        Conformance.awaitState(client, instance.getProcessInstanceKey(), "COMPLETED");
        assertThat(client.newProcessInstanceGetRequest(job.getProcessInstanceKey()).send().join().getState().name())
                .isEqualTo("TERMINATED");
    }

    @Test
    void callingAProcessThatIsNotDeployedIsAnIncident(CamundaClient client) {
        String parent = Conformance.unique("calls-nothing");
        Conformance.deploy(client, Bpmn.createExecutableProcess(parent)
                .startEvent()
                .callActivity("collect", call -> call.zeebeProcessId("not-deployed-anywhere"))
                .endEvent()
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(parent).latestVersion().send().join();

        Incident incident = Conformance.awaitIncident(client, instance.getProcessInstanceKey());
        assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_ELEMENT_ERROR);
        assertThat(incident.getElementId()).isEqualTo("collect");
    }

    @Test
    void aFeelFailureInAMappingIsAnIncidentNotACrash(CamundaClient client) {
        String id = Conformance.unique("feel-fails");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("charge", task -> task.zeebeJobType(id + "-charge").zeebeInputExpression("assert(amount, amount > 0)", "checked"))
                .endEvent()
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("amount", -1)).send().join();

        Incident incident = Conformance.awaitIncident(client, instance.getProcessInstanceKey());
        assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
        assertThat(incident.getElementId()).isEqualTo("charge");

        client.newSetVariablesCommand(instance.getProcessInstanceKey()).variables(Map.of("amount", 5)).send().join();
        client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
        ActivatedJob job = Conformance.activateOne(client, id + "-charge");
        assertThat(job.getVariablesAsMap()).containsEntry("checked", 5);
    }
}
