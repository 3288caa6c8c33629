package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Event sub-processes started by a message, a timer or an error, interrupting their scope or
 * running alongside; and a terminate end event that ends only its own sub-process.
 */
@ExtendWith(EngineUnderTest.class)
class EventSubProcessConformanceTest {

    private final CamundaClient client;

    EventSubProcessConformanceTest(CamundaClient client) {
        this.client = client;
    }

    private long start(String id, Map<String, Object> variables) {
        return client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(variables).send().join()
                .getProcessInstanceKey();
    }

    private static ProcessBuilder coverage(String id) {
        ProcessBuilder process = Bpmn.createExecutableProcess(id);
        process.startEvent().serviceTask("collect", task -> task.zeebeJobType(id + "-collect")).endEvent();
        return process;
    }

    @Test
    void anInterruptingMessageEventSubProcessEndsTheRestOfTheProcess() {
        String id = Conformance.unique("cancel-coverage");
        ProcessBuilder process = coverage(id);
        process.eventSubProcess("cancellation", sub -> sub
                .startEvent("cancel-requested").interrupting(true)
                .message(message -> message.name(id + "-cancel").zeebeCorrelationKeyExpression("memberId"))
                .serviceTask("end-coverage", task -> task.zeebeJobType(id + "-end-coverage"))
                .endEvent());
        Conformance.deploy(client, process.done());
        long instance = start(id, Map.of("memberId", "M-1"));
        ActivatedJob collect = Conformance.activateOne(client, id + "-collect");

        client.newPublishMessageCommand().messageName(id + "-cancel").correlationKey("M-1")
                .variables(Map.of("reason", "moved out of state")).send().join();

        ActivatedJob endCoverage = Conformance.activateOne(client, id + "-end-coverage");
        assertThat(endCoverage.getVariablesAsMap()).containsEntry("reason", "moved out of state");
        assertThatThrownBy(() -> client.newCompleteCommand(collect).send().join()).isInstanceOf(ProblemException.class);
        client.newCompleteCommand(endCoverage).send().join();
        Conformance.awaitState(client, instance, "COMPLETED");
    }

    @Test
    void aNonInterruptingTimerEventSubProcessRunsAlongsideAndRepeats() {
        String id = Conformance.unique("statements");
        ProcessBuilder process = coverage(id);
        process.eventSubProcess("monthly-statement", sub -> sub
                .startEvent("statement-due").interrupting(false).timerWithCycle("R/P30D")
                .serviceTask("send-statement", task -> task.zeebeJobType(id + "-statement"))
                .endEvent());
        Conformance.deploy(client, process.done());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        client.newPinClockCommand().time(now).send().join();
        try {
            long instance = start(id, Map.of());

            client.newPinClockCommand().time(now.plus(Duration.ofDays(30))).send().join();
            Conformance.complete(client, id + "-statement", Map.of());
            client.newPinClockCommand().time(now.plus(Duration.ofDays(60))).send().join();
            Conformance.complete(client, id + "-statement", Map.of());

            Conformance.complete(client, id + "-collect", Map.of());
            Conformance.awaitState(client, instance, "COMPLETED");
            client.newPinClockCommand().time(now.plus(Duration.ofDays(90))).send().join();
            assertThat(Conformance.activate(client, id + "-statement", Duration.ofMinutes(1), Duration.ofMillis(500)))
                    .as("the cycle ended with the process").isEmpty();
        } finally {
            client.newResetClockCommand().send().join();
        }
    }

    @Test
    void anErrorEventSubProcessCatchesAnErrorThrownInsideItsScope() {
        String id = Conformance.unique("declined");
        ProcessBuilder process = coverage(id);
        process.eventSubProcess("card-declined", sub -> sub
                .startEvent("declined").error("CARD_DECLINED")
                .serviceTask("notify-member", task -> task.zeebeJobType(id + "-notify"))
                .endEvent());
        Conformance.deploy(client, process.done());
        long instance = start(id, Map.of());

        ActivatedJob collect = Conformance.activateOne(client, id + "-collect");
        client.newThrowErrorCommand(collect).errorCode("CARD_DECLINED").variables(Map.of("declineCode", "05")).send().join();

        ActivatedJob notify = Conformance.activateOne(client, id + "-notify");
        assertThat(notify.getVariablesAsMap()).containsEntry("declineCode", "05");
        client.newCompleteCommand(notify).send().join();
        Conformance.awaitState(client, instance, "COMPLETED");
    }

    @Test
    void aTerminateEndEventInsideASubProcessEndsOnlyTheSubProcessAndTheProcessGoesOn() {
        String id = Conformance.unique("terminate-inside");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .subProcess("verify", sub -> sub.embeddedSubProcess()
                        .startEvent()
                        .parallelGateway("split")
                        .serviceTask("check-income", task -> task.zeebeJobType(id + "-income"))
                        .endEvent("income-checked")
                        .moveToNode("split")
                        .serviceTask("check-residency", task -> task.zeebeJobType(id + "-residency"))
                        .endEvent("stop-verification", end -> end.terminate()))
                .serviceTask("decide", task -> task.zeebeJobType(id + "-decide"))
                .endEvent()
                .done());
        start(id, Map.of());
        ActivatedJob income = Conformance.activateOne(client, id + "-income");

        Conformance.complete(client, id + "-residency", Map.of());

        assertThat(Conformance.activateOne(client, id + "-decide")).isNotNull();
        assertThatThrownBy(() -> client.newCompleteCommand(income).send().join()).isInstanceOf(ProblemException.class);
    }
}
