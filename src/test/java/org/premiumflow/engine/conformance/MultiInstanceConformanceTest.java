package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Multi-instance activities: one inner instance per item, in parallel or in sequence, results gathered in order. */
@ExtendWith(EngineUnderTest.class)
class MultiInstanceConformanceTest {

    private final CamundaClient client;

    MultiInstanceConformanceTest(CamundaClient client) {
        this.client = client;
    }

    @Test
    void aParallelMultiInstanceTaskRunsOncePerItemAndGathersTheResultsInItemOrder() {
        String id = Conformance.unique("notify-household");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("notify", task -> task.zeebeJobType(id + "-notify")
                        .multiInstance(mi -> mi.parallel().zeebeInputCollectionExpression("members").zeebeInputElement("member")
                                .zeebeOutputCollection("receipts").zeebeOutputElementExpression("receipt")))
                .endEvent()
                .done());
        var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("members", List.of("ann", "bob", "cy"))).withResult().requestTimeout(Duration.ofSeconds(20))
                .send();

        List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(id + "-notify").maxJobsToActivate(10)
                .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
        assertThat(jobs).hasSize(3);
        assertThat(jobs).extracting(job -> job.getVariablesAsMap().get("member")).containsExactlyInAnyOrder("ann", "bob", "cy");
        List<ActivatedJob> lastFirst = new java.util.ArrayList<>(jobs);
        lastFirst.sort(java.util.Comparator.comparing((ActivatedJob job) -> job.getVariablesAsMap().get("member").toString())
                .reversed());
        for (ActivatedJob job : lastFirst) {
            client.newCompleteCommand(job).variables(Map.of("receipt", "sent to " + job.getVariablesAsMap().get("member")))
                    .send().join();
        }

        ProcessInstanceResult completed = result.join();
        assertThat(completed.getVariablesAsMap().get("receipts")).isEqualTo(List.of("sent to ann", "sent to bob", "sent to cy"));
    }

    @Test
    void aSequentialMultiInstanceTaskStopsWhenItsCompletionConditionHolds() {
        String id = Conformance.unique("find-payer");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("try-method", task -> task.zeebeJobType(id + "-try")
                        .multiInstance(mi -> mi.sequential().zeebeInputCollectionExpression("methods").zeebeInputElement("method")
                                .completionCondition("= charged")))
                .serviceTask("done", task -> task.zeebeJobType(id + "-done"))
                .endEvent()
                .done());
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("methods", List.of("bank", "card", "backup-card"))).send().join();

        ActivatedJob first = Conformance.activateOne(client, id + "-try");
        assertThat(first.getVariablesAsMap()).containsEntry("method", "bank").containsEntry("loopCounter", 1);
        client.newCompleteCommand(first).variables(Map.of("charged", false)).send().join();
        ActivatedJob second = Conformance.activateOne(client, id + "-try");
        assertThat(second.getVariablesAsMap()).containsEntry("method", "card");
        client.newCompleteCommand(second).variables(Map.of("charged", true)).send().join();

        Conformance.activateOne(client, id + "-done");
        assertThat(Conformance.activate(client, id + "-try", Duration.ofMinutes(1), Duration.ofMillis(300)))
                .as("the backup card was never tried").isEmpty();
    }

    @Test
    void anEmptyCollectionCompletesTheActivityAtOnce() {
        String id = Conformance.unique("nobody");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("notify", task -> task.zeebeJobType(id + "-notify")
                        .multiInstance(mi -> mi.parallel().zeebeInputCollectionExpression("members").zeebeOutputCollection("receipts")
                                .zeebeOutputElementExpression("receipt")))
                .endEvent()
                .done());

        ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("members", List.of())).withResult().send().join();

        assertThat(result.getVariablesAsMap().get("receipts")).isEqualTo(List.of());
    }

    @Test
    void aMultiInstanceSubProcessRunsItsFlowPerItemAndItsBoundaryEventEndsThemAll() {
        String id = Conformance.unique("verify-members");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .subProcess("verify-member", sub -> sub
                        .multiInstance(mi -> mi.parallel().zeebeInputCollectionExpression("members").zeebeInputElement("member"))
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("check-identity", task -> task.zeebeJobType(id + "-identity"))
                        .serviceTask("check-income", task -> task.zeebeJobType(id + "-income"))
                        .endEvent())
                .boundaryEvent("stop", event -> event.message(message -> message.name(id + "-withdrawn")
                        .zeebeCorrelationKeyExpression("caseId")))
                .serviceTask("close-case", task -> task.zeebeJobType(id + "-close"))
                .endEvent()
                .moveToActivity("verify-member")
                .endEvent()
                .done());
        long instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("members", List.of("ann", "bob"), "caseId", "C-1")).send().join().getProcessInstanceKey();

        List<ActivatedJob> identities = client.newActivateJobsCommand().jobType(id + "-identity").maxJobsToActivate(10)
                .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
        assertThat(identities).extracting(job -> job.getVariablesAsMap().get("member")).containsExactlyInAnyOrder("ann", "bob");
        client.newCompleteCommand(identities.get(0)).send().join();
        Conformance.activateOne(client, id + "-income");

        client.newPublishMessageCommand().messageName(id + "-withdrawn").correlationKey("C-1").send().join();

        Conformance.complete(client, id + "-close", Map.of());
        Conformance.awaitState(client, instance, "COMPLETED");
        assertThat(Conformance.activate(client, id + "-income", Duration.ofMinutes(1), Duration.ofMillis(300))).isEmpty();
    }
}
