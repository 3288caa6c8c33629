package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.response.Topology;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EngineUnderTest.class)
class DeploymentConformanceTest {

    @Test
    void theTopologyIsOneHealthyBrokerWithOnePartition(CamundaClient client) {
        Topology topology = client.newTopologyRequest().send().join();

        assertThat(topology.getBrokers()).hasSize(1);
        assertThat(topology.getBrokers().get(0).getPartitions()).singleElement().satisfies(partition -> {
            assertThat(partition.isLeader()).isTrue();
            assertThat(partition.getHealth().name()).isEqualTo("HEALTHY");
        });
    }

    @Test
    void identicalContentKeepsItsVersionAndChangedContentGetsTheNext(CamundaClient client) {
        String id = Conformance.unique("billing");

        BpmnModelInstance model = Conformance.oneTask(id, "charge");

        Process first = deploy(client, model, id + ".bpmn");
        Process again = deploy(client, model, id + ".bpmn");
        Process changed = deploy(client, Conformance.oneTask(id, "charge-card"), id + ".bpmn");

        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(again.getVersion()).isEqualTo(1);
        assertThat(again.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
        assertThat(changed.getVersion()).isEqualTo(2);
        assertThat(changed.getProcessDefinitionKey()).isNotEqualTo(first.getProcessDefinitionKey());
    }

    @Test
    void anInvalidModelIsRejectedWithTheValidatorsMessageAndNothingOfTheDeploymentIsStored(CamundaClient client) {
        String valid = Conformance.unique("valid");
        String invalid = Conformance.unique("invalid");
        BpmnModelInstance taskWithoutJobType = Bpmn.createExecutableProcess(invalid)
                .startEvent().serviceTask("charge-premium").endEvent().done();

        assertThatThrownBy(() -> client.newDeployResourceCommand()
                .addProcessModel(Conformance.oneTask(valid, "charge"), valid + ".bpmn")
                .addProcessModel(taskWithoutJobType, invalid + ".bpmn")
                .send().join())
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.code()).isEqualTo(400);
                    assertThat(problem.details().getDetail())
                            .contains(invalid + ".bpmn")
                            .contains("charge-premium")
                            .contains("zeebe:taskDefinition");
                });

        assertThat(deploy(client, Conformance.oneTask(valid, "charge"), valid + ".bpmn").getVersion())
                .as("the valid process of the rejected deployment was not stored")
                .isEqualTo(1);
    }

    @Test
    void anInvalidFeelExpressionFailsTheDeployment(CamundaClient client) {
        String id = Conformance.unique("bad-feel");
        BpmnModelInstance model = Bpmn.createExecutableProcess(id)
                .startEvent()
                .exclusiveGateway("amount-due")
                .sequenceFlowId("pay").conditionExpression("amount >>> 0").endEvent()
                .moveToLastExclusiveGateway().defaultFlow().endEvent()
                .done();

        assertThatThrownBy(() -> deploy(client, model, id + ".bpmn"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.code()).isEqualTo(400);
                    assertThat(problem.details().getDetail()).contains("amount >>> 0");
                });
    }

    @Test
    void decisionsAndFormsAreDeployedBesideProcesses(CamundaClient client) {
        String decisionId = Conformance.unique("grace");
        String formId = Conformance.unique("review");

        DeploymentEvent deployment = client.newDeployResourceCommand()
                .addResourceStringUtf8(Models.decision(decisionId), decisionId + ".dmn")
                .addResourceStringUtf8("{\"id\":\"" + formId + "\",\"components\":[]}", formId + ".form")
                .send().join();

        assertThat(deployment.getDecisions()).singleElement().satisfies(decision -> {
            assertThat(decision.getDmnDecisionId()).isEqualTo(decisionId);
            assertThat(decision.getVersion()).isEqualTo(1);
        });
        assertThat(deployment.getDecisionRequirements()).hasSize(1);
        assertThat(deployment.getForm()).singleElement().satisfies(form -> {
            assertThat(form.getFormId()).isEqualTo(formId);
            assertThat(form.getVersion()).isEqualTo(1);
        });
    }

    private static Process deploy(CamundaClient client, BpmnModelInstance model, String name) {
        return client.newDeployResourceCommand().addProcessModel(model, name).send().join().getProcesses().get(0);
    }
}
