package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Gateways, scripts, decisions, sub-processes, mappings: the flow of tokens and variables. */
@ExtendWith(EngineUnderTest.class)
class FlowConformanceTest {

    @Test
    void anExclusiveGatewayTakesTheFirstTrueConditionElseTheDefaultFlow(CamundaClient client) {
        String id = Conformance.unique("route");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .exclusiveGateway("amount-due")
                .sequenceFlowId("nothing-due").conditionExpression("amountDue = 0")
                .scriptTask("record-zero", task -> task.zeebeExpression("\"zero premium\"").zeebeResultVariable("route"))
                .endEvent()
                .moveToLastExclusiveGateway()
                .defaultFlow()
                .scriptTask("collect", task -> task.zeebeExpression("\"collect\"").zeebeResultVariable("route"))
                .endEvent()
                .done());

        assertThat(run(client, id, Map.of("amountDue", 0)).get("route")).isEqualTo("zero premium");
        assertThat(run(client, id, Map.of("amountDue", 412)).get("route")).isEqualTo("collect");
    }

    @Test
    void aNonBooleanConditionRaisesAnIncidentThatResolvesOnceTheDataIsFixed(CamundaClient client) {
        String id = Conformance.unique("bad-condition");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .exclusiveGateway("decide")
                .sequenceFlowId("yes").conditionExpression("autopay")
                .endEvent("with-autopay")
                .moveToLastExclusiveGateway()
                .sequenceFlowId("no").conditionExpression("not(autopay)")
                .endEvent("without-autopay")
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("autopay", "yes")).send().join();

        Incident incident = Conformance.awaitIncident(client, instance.getProcessInstanceKey());
        assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CONDITION_ERROR);
        assertThat(incident.getErrorMessage()).contains("BOOLEAN").contains("STRING");
        assertThat(incident.getElementId()).isEqualTo("decide");

        client.newSetVariablesCommand(instance.getProcessInstanceKey()).variables(Map.of("autopay", true)).send().join();
        client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

        Conformance.awaitState(client, instance.getProcessInstanceKey(), "COMPLETED");
        assertThat(Conformance.activeIncidents(client, instance.getProcessInstanceKey())).isEmpty();
    }

    @Test
    void aParallelGatewayForksAndJoinsOnceEveryBranchHasArrived(CamundaClient client) {
        String id = Conformance.unique("parallel");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .parallelGateway("fork")
                .serviceTask("email-receipt", task -> task.zeebeJobType(id + "-email"))
                .parallelGateway("join")
                .scriptTask("after-join", task -> task.zeebeExpression("emailed and posted").zeebeResultVariable("both"))
                .endEvent()
                .moveToNode("fork")
                .serviceTask("post-ledger", task -> task.zeebeJobType(id + "-ledger"))
                .connectTo("join")
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

        Conformance.complete(client, id + "-email", Map.of("emailed", true));
        assertThat(client.newProcessInstanceGetRequest(instance.getProcessInstanceKey()).send().join().getState().name())
                .isEqualTo("ACTIVE");
        Conformance.complete(client, id + "-ledger", Map.of("posted", true));

        Conformance.awaitState(client, instance.getProcessInstanceKey(), "COMPLETED");
    }

    @Test
    void aBusinessRuleTaskEvaluatesTheLatestDecisionIntoItsResultVariable(CamundaClient client) {
        String decisionId = Conformance.unique("action");
        client.newDeployResourceCommand().addResourceStringUtf8(Models.decision(decisionId), decisionId + ".dmn").send().join();
        String id = Conformance.unique("decide");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .businessRuleTask("choose-action", task -> task.zeebeCalledDecisionId(decisionId).zeebeResultVariable("action"))
                .endEvent()
                .done());

        assertThat(run(client, id, Map.of("amountDue", 25)).get("action")).isEqualTo("retry");
        assertThat(run(client, id, Map.of("amountDue", 5)).get("action")).isEqualTo("waive");
    }

    @Test
    void aMissingDecisionIsAnIncident(CamundaClient client) {
        String id = Conformance.unique("no-decision");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .businessRuleTask("choose", task -> task.zeebeCalledDecisionId("never-deployed").zeebeResultVariable("action"))
                .endEvent()
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

        Incident incident = Conformance.awaitIncident(client, instance.getProcessInstanceKey());
        assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_DECISION_ERROR);
        assertThat(incident.getErrorMessage()).contains("never-deployed");
    }

    @Test
    void decisionsCanBeEvaluatedDirectly(CamundaClient client) {
        String decisionId = Conformance.unique("direct");
        client.newDeployResourceCommand().addResourceStringUtf8(Models.decision(decisionId), decisionId + ".dmn").send().join();

        var result = client.newEvaluateDecisionCommand().decisionId(decisionId).variables(Map.of("amountDue", 11)).send().join();

        assertThat(result.getDecisionId()).isEqualTo(decisionId);
        assertThat(result.getDecisionVersion()).isEqualTo(1);
        assertThat(result.getDecisionOutput()).isEqualTo("\"retry\"");
    }

    @Test
    void inputAndOutputMappingsShapeWhatTheTaskSeesAndWhatTheProcessKeeps(CamundaClient client) {
        String id = Conformance.unique("mappings");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("charge", task -> task.zeebeJobType(id + "-charge")
                        .zeebeInputExpression("invoice.amount", "amount")
                        .zeebeInputExpression("amount * 100", "amountInCents")
                        .zeebeOutputExpression("paymentId", "payment.id")
                        .zeebeOutputExpression("\"SETTLED\"", "payment.status"))
                .endEvent()
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("invoice", Map.of("amount", 412.37))).send().join();

        ActivatedJob job = Conformance.activateOne(client, id + "-charge");
        assertThat(job.getVariablesAsMap()).containsEntry("amount", 412.37).containsEntry("amountInCents", 41237);
        client.newCompleteCommand(job).variables(Map.of("paymentId", "PAY-9", "gatewayRaw", "secret-detail")).send().join();

        Conformance.awaitState(client, instance.getProcessInstanceKey(), "COMPLETED");
        Map<String, Object> variables = variablesOf(client, id, Map.of("invoice", Map.of("amount", 1)));
        assertThat(variables).doesNotContainKeys("amount", "amountInCents", "gatewayRaw");
    }

    @Test
    void anEmbeddedSubProcessRunsInItsOwnScopeAndCompletesWithItsLastToken(CamundaClient client) {
        String id = Conformance.unique("sub");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .subProcess("grace", sub -> sub.embeddedSubProcess()
                        .startEvent()
                        .scriptTask("count", task -> task.zeebeExpression("monthsUnpaid + 1").zeebeResultVariable("monthsUnpaid"))
                        .endEvent())
                .scriptTask("after", task -> task.zeebeExpression("monthsUnpaid * 10").zeebeResultVariable("score"))
                .endEvent()
                .done());

        Map<String, Object> variables = run(client, id, Map.of("monthsUnpaid", 1));

        assertThat(variables).containsEntry("monthsUnpaid", 2).containsEntry("score", 20);
    }

    @Test
    void aTerminateEndEventEndsEveryOtherTokenOfItsScope(CamundaClient client) {
        String id = Conformance.unique("terminate");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .parallelGateway("fork")
                .serviceTask("wait-forever", task -> task.zeebeJobType(id + "-never"))
                .endEvent()
                .moveToNode("fork")
                .endEvent("stop-everything", end -> end.terminate())
                .done());

        ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().withResult().send().join();

        assertThat(result.getProcessInstanceKey()).isPositive();
        assertThat(client.newActivateJobsCommand().jobType(id + "-never").maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(200)).send().join().getJobs()).isEmpty();
    }

    @Test
    void aCancelledInstanceIsTerminatedAndItsJobsAreGone(CamundaClient client) {
        String id = Conformance.unique("cancel");
        Conformance.deploy(client, Conformance.oneTask(id, id + "-work"));
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
        ActivatedJob job = Conformance.activateOne(client, id + "-work");

        client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

        Conformance.awaitState(client, instance.getProcessInstanceKey(), "TERMINATED");
        assertThatThrownBy(() -> client.newCompleteCommand(job).send().join())
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(404));
        assertThatThrownBy(() -> client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join())
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(404));
    }

    @Test
    void unknownKeysAnswer404AndMalformedRequests400(CamundaClient client) {
        assertThatThrownBy(() -> client.newProcessInstanceGetRequest(1L).send().join())
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(404));
        assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId("no-such-process").latestVersion().send().join())
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(404));
        assertThatThrownBy(() -> client.newResolveIncidentCommand(1L).send().join())
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(404));
        assertThatThrownBy(() -> client.newUpdateRetriesCommand(1L).retries(0).send().join())
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(400));
    }

    @Test
    void variablesCanBeSetLocallyOrMergedIntoTheNearestScopeThatHasThem(CamundaClient client) {
        String id = Conformance.unique("set-vars");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("review", task -> task.zeebeJobType(id + "-review").zeebeInputExpression("\"draft\"", "note"))
                .endEvent()
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("status", "OPEN")).send().join();
        ActivatedJob job = Conformance.activateOne(client, id + "-review");

        client.newSetVariablesCommand(job.getElementInstanceKey()).variables(Map.of("note", "checked")).local(true).send().join();
        client.newSetVariablesCommand(job.getElementInstanceKey()).variables(Map.of("status", "REVIEWED", "reviewer", "cw-1"))
                .send().join();
        client.newFailCommand(job).retries(1).send().join();
        ActivatedJob again = Conformance.activateOne(client, id + "-review");

        assertThat(again.getVariablesAsMap())
                .containsEntry("note", "checked")
                .containsEntry("status", "REVIEWED")
                .containsEntry("reviewer", "cw-1");
        client.newCompleteCommand(again).send().join();
        Conformance.awaitState(client, instance.getProcessInstanceKey(), "COMPLETED");
    }

    private static Map<String, Object> run(CamundaClient client, String id, Map<String, Object> variables) {
        return client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(variables).withResult().send().join()
                .getVariablesAsMap();
    }

    private static Map<String, Object> variablesOf(CamundaClient client, String id, Map<String, Object> start) {
        String type = id + "-charge";
        Thread worker = new Thread(() -> {
            ActivatedJob job = Conformance.activateOne(client, type);
            client.newCompleteCommand(job).variables(Map.of("paymentId", "PAY-10", "gatewayRaw", "x")).send().join();
        });
        worker.start();
        return run(client, id, start);
    }
}
