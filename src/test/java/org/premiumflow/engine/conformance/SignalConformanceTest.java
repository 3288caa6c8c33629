package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signals: a broadcast reaches every instance waiting for it and starts every process with a signal start event; it is not kept. */
@ExtendWith(EngineUnderTest.class)
class SignalConformanceTest {

    private final CamundaClient client;

    SignalConformanceTest(CamundaClient client) {
        this.client = client;
    }

    private void broadcast(String signal, Map<String, Object> variables) {
        client.newBroadcastSignalCommand().signalName(signal).variables(variables).send().join();
    }

    private List<ActivatedJob> jobs(String type, int max) {
        return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(max).timeout(Duration.ofMinutes(1))
                .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs();
    }

    @Test
    void aBroadcastStartsEveryProcessWithThatSignalStartEvent() {
        String signal = Conformance.unique("rates-published");
        for (String id : List.of(signal + "-rerate", signal + "-notify")) {
            Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                    .startEvent("published").signal(signal)
                    .serviceTask("work", task -> task.zeebeJobType(signal + "-work"))
                    .endEvent()
                    .done());
        }

        broadcast(signal, Map.of("planYear", 2027));

        List<ActivatedJob> started = jobs(signal + "-work", 10);
        assertThat(started).extracting(ActivatedJob::getBpmnProcessId)
                .containsExactlyInAnyOrder(signal + "-rerate", signal + "-notify");
        assertThat(started).allSatisfy(job -> assertThat(job.getVariablesAsMap()).containsEntry("planYear", 2027));
    }

    @Test
    void aBroadcastReachesEveryWaitingInstanceAndIsNotKept() {
        String id = Conformance.unique("await-rates");
        String signal = id + "-rates";
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .intermediateCatchEvent("rates", event -> event.signal(signal))
                .serviceTask("recalculate", task -> task.zeebeJobType(id + "-recalculate"))
                .endEvent()
                .done());
        for (int i = 0; i < 3; i++) {
            client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
        }

        broadcast(signal, Map.of());
        assertThat(jobs(id + "-recalculate", 10)).hasSize(3);

        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
        assertThat(jobs(id + "-recalculate", 10)).as("a later instance does not see an earlier signal").isEmpty();
    }

    @Test
    void anInterruptingSignalBoundaryEventEndsTheTask() {
        String id = Conformance.unique("freeze");
        String signal = id + "-freeze";
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("draft", task -> task.zeebeJobType(id + "-draft"))
                .boundaryEvent("frozen", event -> event.signal(signal).cancelActivity(true))
                .serviceTask("hold", task -> task.zeebeJobType(id + "-hold"))
                .endEvent()
                .moveToActivity("draft")
                .endEvent()
                .done());
        long instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join().getProcessInstanceKey();
        Conformance.activateOne(client, id + "-draft");

        broadcast(signal, Map.of());

        Conformance.complete(client, id + "-hold", Map.of());
        Conformance.awaitState(client, instance, "COMPLETED");
    }
}
