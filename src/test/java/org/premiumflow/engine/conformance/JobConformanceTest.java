package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Jobs: handed to one worker at a time, retried, timed out, completed once, turned into incidents. */
@ExtendWith(EngineUnderTest.class)
class JobConformanceTest {

    @Test
    void workersCompleteTasksInOrderAndTheirVariablesReachTheProcess(CamundaClient client) {
        String id = Conformance.unique("collect");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("issue-invoice", task -> task.zeebeJobType(id + "-issue"))
                .serviceTask("charge", task -> task.zeebeJobType(id + "-charge"))
                .endEvent()
                .done());
        try (JobWorker issue = client.newWorker().jobType(id + "-issue")
                .handler((jobs, job) -> jobs.newCompleteCommand(job).variables(Map.of("invoiceId", "INV-1", "amountDue", new BigDecimal("412.37"))).send().join())
                .open();
             JobWorker charge = client.newWorker().jobType(id + "-charge")
                     .handler((jobs, job) -> jobs.newCompleteCommand(job)
                             .variables(Map.of("charged", job.getVariablesAsMap().get("amountDue"))).send().join())
                     .open()) {

            ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                    .variables(Map.of("memberId", "M-7")).withResult().send().join();

            assertThat(result.getVariablesAsMap())
                    .containsEntry("memberId", "M-7")
                    .containsEntry("invoiceId", "INV-1");
            assertThat(new BigDecimal(result.getVariablesAsMap().get("charged").toString())).isEqualByComparingTo("412.37");
        }
    }

    @Test
    void aJobIsHandedToOneWorkerUntilItsTimeoutThenAgainWithoutUsingARetry(CamundaClient client) {
        String id = Conformance.unique("timeout");
        Conformance.deploy(client, Conformance.oneTask(id, id + "-work"));
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
        Instant now = Instant.now();
        client.newPinClockCommand().time(now).send().join();
        try {
            List<ActivatedJob> first = Conformance.activate(client, id + "-work", Duration.ofMinutes(5));
            assertThat(first).hasSize(1);
            assertThat(Conformance.activate(client, id + "-work", Duration.ofMinutes(5), Duration.ofMillis(300)))
                    .as("no second worker gets the job while the first holds it").isEmpty();

            client.newPinClockCommand().time(now.plus(Duration.ofMinutes(6))).send().join();

            List<ActivatedJob> again = await().atMost(Duration.ofSeconds(10)).until(
                    () -> Conformance.activate(client, id + "-work", Duration.ofMinutes(5)), jobs -> !jobs.isEmpty());
            assertThat(again.get(0).getKey()).isEqualTo(first.get(0).getKey());
            assertThat(again.get(0).getRetries()).isEqualTo(first.get(0).getRetries());
        } finally {
            client.newResetClockCommand().send().join();
        }
    }

    @Test
    void aFailedJobComesBackAfterItsBackOffAndWithoutRetriesBecomesAnIncidentAnOperatorCanResolve(CamundaClient client) {
        String id = Conformance.unique("fail");
        Conformance.deploy(client, Conformance.oneTask(id, id + "-charge"));
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
        Instant now = Instant.now();
        client.newPinClockCommand().time(now).send().join();
        ActivatedJob job;
        ActivatedJob retried;
        try {
            job = Conformance.activate(client, id + "-charge", Duration.ofMinutes(1)).get(0);
            client.newFailCommand(job).retries(1).retryBackoff(Duration.ofHours(1)).errorMessage("gateway 503").send().join();
            assertThat(Conformance.activate(client, id + "-charge", Duration.ofMinutes(1), Duration.ofMillis(300)))
                    .as("still backing off").isEmpty();

            client.newPinClockCommand().time(now.plus(Duration.ofMinutes(61))).send().join();
            retried = await().atMost(Duration.ofSeconds(10))
                    .until(() -> Conformance.activate(client, id + "-charge", Duration.ofMinutes(1)), jobs -> !jobs.isEmpty()).get(0);
            assertThat(retried.getRetries()).isEqualTo(1);
        } finally {
            client.newResetClockCommand().send().join();
        }

        client.newFailCommand(retried).retries(0).errorMessage("card declined: do not honor").send().join();
        Incident incident = Conformance.awaitIncident(client, instance.getProcessInstanceKey());
        assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
        assertThat(incident.getErrorMessage()).isEqualTo("card declined: do not honor");
        assertThat(incident.getJobKey()).isEqualTo(job.getKey());
        assertThat(client.newProcessInstanceGetRequest(instance.getProcessInstanceKey()).send().join().getHasIncident()).isTrue();
        assertThatThrownBy(() -> client.newCompleteCommand(job.getKey()).send().join())
                .as("a job waiting for an operator cannot be completed by a worker")
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(409));

        client.newUpdateRetriesCommand(job.getKey()).retries(2).send().join();
        client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
        ActivatedJob afterResolution = await().atMost(Duration.ofSeconds(10))
                .until(() -> Conformance.activate(client, id + "-charge", Duration.ofMinutes(1)), jobs -> !jobs.isEmpty()).get(0);
        assertThat(afterResolution.getRetries()).isEqualTo(2);
        client.newCompleteCommand(afterResolution).send().join();

        Conformance.awaitState(client, instance.getProcessInstanceKey(), "COMPLETED");
    }

    @Test
    void aJobCompletesAtMostOnce(CamundaClient client) {
        String id = Conformance.unique("once");
        Conformance.deploy(client, Conformance.oneTask(id, id + "-draft"));
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
        ActivatedJob job = Conformance.activate(client, id + "-draft", Duration.ofMinutes(1)).get(0);

        client.newCompleteCommand(job).variables(Map.of("attempt", 1)).send().join();

        assertThatThrownBy(() -> client.newCompleteCommand(job).variables(Map.of("attempt", 2)).send().join())
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(404));
        Conformance.awaitState(client, instance.getProcessInstanceKey(), "COMPLETED");
    }

    @Test
    void retriesAndHeadersComeFromTheModel(CamundaClient client) {
        String id = Conformance.unique("headers");
        BpmnModelInstance model = Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("send-notice", task -> task.zeebeJobType(id + "-notice").zeebeJobRetries("5")
                        .zeebeTaskHeader("template", "past-due-warning").zeebeTaskHeader("channel", "email"))
                .endEvent()
                .done();
        Conformance.deploy(client, model);
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

        ActivatedJob job = Conformance.activate(client, id + "-notice", Duration.ofMinutes(1)).get(0);

        assertThat(job.getRetries()).isEqualTo(5);
        assertThat(job.getCustomHeaders()).containsEntry("template", "past-due-warning").containsEntry("channel", "email");
        assertThat(job.getElementId()).isEqualTo("send-notice");
        assertThat(job.getBpmnProcessId()).isEqualTo(id);
    }

    @Test
    void sendScriptAndBusinessRuleTasksWithATaskDefinitionAreJobsToo(CamundaClient client) {
        String id = Conformance.unique("job-kinds");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .sendTask("send-bill", task -> task.zeebeJobType(id + "-send"))
                .scriptTask("legacy-script", task -> task.zeebeJobType(id + "-script"))
                .businessRuleTask("external-rules", task -> task.zeebeJobType(id + "-rules"))
                .endEvent()
                .done());
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

        for (String kind : List.of("-send", "-script", "-rules")) {
            ActivatedJob job = Conformance.activate(client, id + kind, Duration.ofMinutes(1)).get(0);
            client.newCompleteCommand(job).send().join();
        }

        Conformance.awaitState(client, instance.getProcessInstanceKey(), "COMPLETED");
    }

    @Test
    void activationLongPollsUntilAJobAppears(CamundaClient client) throws Exception {
        String id = Conformance.unique("longpoll");
        Conformance.deploy(client, Conformance.oneTask(id, id + "-late"));
        List<ActivatedJob> received = new CopyOnWriteArrayList<>();

        Thread poller = new Thread(() -> received.addAll(Conformance.activate(client, id + "-late", Duration.ofMinutes(1), Duration.ofSeconds(10))));
        poller.start();
        Thread.sleep(300);
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
        poller.join(10_000);

        assertThat(received).hasSize(1);
    }
}
