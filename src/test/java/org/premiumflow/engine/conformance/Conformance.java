package org.premiumflow.engine.conformance;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Helpers the conformance tests share: deploying, waiting for states and incidents. */
final class Conformance {

    private Conformance() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void deploy(CamundaClient client, BpmnModelInstance model) {
        String id = model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class).iterator().next().getId();
        client.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
    }

    static BpmnModelInstance oneTask(String processId, String jobType) {
        return Bpmn.createExecutableProcess(processId)
                .startEvent()
                .serviceTask("task", task -> task.zeebeJobType(jobType))
                .endEvent()
                .done();
    }

    static void awaitState(CamundaClient client, long processInstanceKey, String state) {
        await().atMost(Duration.ofSeconds(15)).until(
                () -> client.newProcessInstanceGetRequest(processInstanceKey).send().join().getState().name(), state::equals);
    }

    static Incident awaitIncident(CamundaClient client, long processInstanceKey) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> activeIncidents(client, processInstanceKey),
                incidents -> !incidents.isEmpty()).get(0);
    }

    static List<Incident> activeIncidents(CamundaClient client, long processInstanceKey) {
        return client.newIncidentSearchRequest()
                .filter(filter -> filter.processInstanceKey(processInstanceKey)
                        .state(io.camunda.client.api.search.enums.IncidentState.ACTIVE))
                .send().join().items();
    }
}
