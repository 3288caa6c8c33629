package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /** Activates exactly one job of a type (held for a minute), failing the test if none comes within five seconds. */
    static ActivatedJob activateOne(CamundaClient client, String type) {
        List<ActivatedJob> jobs = activate(client, type, Duration.ofMinutes(1), Duration.ofSeconds(5));
        assertThat(jobs).as("a job of type " + type).hasSize(1);
        return jobs.get(0);
    }

    /** Activates at most one job of a type, long-polling two seconds. */
    static List<ActivatedJob> activate(CamundaClient client, String type, Duration timeout) {
        return activate(client, type, timeout, Duration.ofSeconds(2));
    }

    static List<ActivatedJob> activate(CamundaClient client, String type, Duration timeout, Duration requestTimeout) {
        return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).timeout(timeout)
                .requestTimeout(requestTimeout).send().join().getJobs();
    }

    static void complete(CamundaClient client, String type, Map<String, Object> variables) {
        client.newCompleteCommand(activateOne(client, type)).variables(variables).send().join();
    }
}
