package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages: published with a name and correlation key, correlated to catch events, receive
 * tasks and boundary events of waiting instances (once per process), buffered for their time to
 * live, refused when their id repeats, and starting instances at message start events.
 */
@ExtendWith(EngineUnderTest.class)
class MessageConformanceTest {

    private final CamundaClient client;

    MessageConformanceTest(CamundaClient client) {
        this.client = client;
    }

    private static BpmnModelInstance awaitSettlement(String id) {
        return Bpmn.createExecutableProcess(id)
                .startEvent()
                .intermediateCatchEvent("settled", event -> event.name("Payment settled")
                        .message(message -> message.name(id + "-settled").zeebeCorrelationKeyExpression("invoiceId")))
                .serviceTask("post", task -> task.zeebeJobType(id + "-post"))
                .endEvent()
                .done();
    }

    private long start(String id, Map<String, Object> variables) {
        return client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(variables).send().join()
                .getProcessInstanceKey();
    }

    private void publish(String name, String correlationKey, Duration timeToLive, Map<String, Object> variables) {
        client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey).timeToLive(timeToLive)
                .variables(variables).send().join();
    }

    private List<ActivatedJob> jobsOf(String type) {
        return Conformance.activate(client, type, Duration.ofMinutes(1), Duration.ofMillis(500));
    }

    @Test
    void aWaitingCatchEventTakesTheMessageWithItsKeyAndItsVariables() {
        String id = Conformance.unique("settle");
        Conformance.deploy(client, awaitSettlement(id));
        long other = start(id, Map.of("invoiceId", "INV-2"));
        long instance = start(id, Map.of("invoiceId", "INV-1"));

        publish(id + "-settled", "INV-1", Duration.ZERO, Map.of("settledAmount", "412.37"));

        ActivatedJob post = Conformance.activateOne(client, id + "-post");
        assertThat(post.getProcessInstanceKey()).isEqualTo(instance).isNotEqualTo(other);
        assertThat(post.getVariablesAsMap()).containsEntry("settledAmount", "412.37");
        assertThat(jobsOf(id + "-post")).as("the instance with another key still waits").isEmpty();
    }

    @Test
    void aMessageWithATimeToLiveWaitsForTheInstanceThatComesLater() {
        String id = Conformance.unique("early");
        Conformance.deploy(client, awaitSettlement(id));
        publish(id + "-settled", "INV-7", Duration.ofHours(1), Map.of("settledAmount", "99.00"));
        publish(id + "-settled", "INV-8", Duration.ZERO, Map.of());

        long early = start(id, Map.of("invoiceId", "INV-7"));
        start(id, Map.of("invoiceId", "INV-8"));

        ActivatedJob post = Conformance.activateOne(client, id + "-post");
        assertThat(post.getProcessInstanceKey()).isEqualTo(early);
        assertThat(jobsOf(id + "-post")).as("a message without time to live is not kept").isEmpty();
    }

    @Test
    void aBufferedMessageExpiresWithItsTimeToLive() {
        String id = Conformance.unique("expired");
        Conformance.deploy(client, awaitSettlement(id));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        client.newPinClockCommand().time(now).send().join();
        try {
            publish(id + "-settled", "INV-3", Duration.ofMinutes(10), Map.of());
            client.newPinClockCommand().time(now.plus(Duration.ofMinutes(11))).send().join();

            start(id, Map.of("invoiceId", "INV-3"));

            assertThat(jobsOf(id + "-post")).isEmpty();
        } finally {
            client.newResetClockCommand().send().join();
        }
    }

    @Test
    void aMessageIdIsRefusedWhileAMessageWithTheSameIdLives() {
        String name = Conformance.unique("return-notice");
        client.newPublishMessageCommand().messageName(name).correlationKey("INV-4").messageId("ach-return-4711")
                .timeToLive(Duration.ofHours(1)).send().join();

        assertThatThrownBy(() -> client.newPublishMessageCommand().messageName(name).correlationKey("INV-4")
                .messageId("ach-return-4711").timeToLive(Duration.ofHours(1)).send().join())
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).details().getStatus()).isEqualTo(409));
        client.newPublishMessageCommand().messageName(name).correlationKey("INV-4").messageId("ach-return-4712")
                .timeToLive(Duration.ofHours(1)).send().join();
    }

    @Test
    void aMessageReachesEachProcessOnceButEveryProcessThatWaits() {
        String id = Conformance.unique("once");
        String otherProcess = id + "-audit";
        Conformance.deploy(client, awaitSettlement(id));
        Conformance.deploy(client, Bpmn.createExecutableProcess(otherProcess)
                .startEvent()
                .intermediateCatchEvent("settled", event -> event
                        .message(message -> message.name(id + "-settled").zeebeCorrelationKeyExpression("invoiceId")))
                .serviceTask("audit", task -> task.zeebeJobType(id + "-audit"))
                .endEvent()
                .done());
        long first = start(id, Map.of("invoiceId", "INV-5"));
        start(id, Map.of("invoiceId", "INV-5"));
        start(otherProcess, Map.of("invoiceId", "INV-5"));

        publish(id + "-settled", "INV-5", Duration.ZERO, Map.of());

        assertThat(Conformance.activateOne(client, id + "-post").getProcessInstanceKey()).as("the instance waiting longest")
                .isEqualTo(first);
        assertThat(jobsOf(id + "-post")).as("not a second instance of the same process").isEmpty();
        assertThat(Conformance.activateOne(client, id + "-audit")).as("but the other process too").isNotNull();
    }

    @Test
    void aReceiveTaskWaitsForItsMessage() {
        String id = Conformance.unique("receive");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .receiveTask("await-documents", task -> task.name("Await documents")
                        .message(message -> message.name(id + "-documents").zeebeCorrelationKeyExpression("caseId")))
                .endEvent()
                .done());
        long instance = start(id, Map.of("caseId", 4711));

        publish(id + "-documents", "4711", Duration.ZERO, Map.of("documents", List.of("income-proof.pdf")));

        Conformance.awaitState(client, instance, "COMPLETED");
    }

    @Test
    void anInterruptingMessageBoundaryEventCancelsTheTask() {
        String id = Conformance.unique("returned");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("settle", task -> task.zeebeJobType(id + "-settle"))
                .boundaryEvent("ach-return", event -> event.name("ACH return").cancelActivity(true)
                        .message(message -> message.name(id + "-return").zeebeCorrelationKeyExpression("paymentId")))
                .serviceTask("recover", task -> task.zeebeJobType(id + "-recover"))
                .endEvent()
                .moveToActivity("settle")
                .endEvent()
                .done());
        long instance = start(id, Map.of("paymentId", "PAY-9"));
        ActivatedJob settle = Conformance.activateOne(client, id + "-settle");

        publish(id + "-return", "PAY-9", Duration.ZERO, Map.of("returnCode", "R01"));

        ActivatedJob recover = Conformance.activateOne(client, id + "-recover");
        assertThat(recover.getVariablesAsMap()).containsEntry("returnCode", "R01");
        assertThatThrownBy(() -> client.newCompleteCommand(settle).send().join()).isInstanceOf(ProblemException.class);
        client.newCompleteCommand(recover).send().join();
        Conformance.awaitState(client, instance, "COMPLETED");
    }

    @Test
    void aNonInterruptingMessageBoundaryEventLetsTheTaskGoOnAndCanOccurAgain() {
        String id = Conformance.unique("address-change");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("review", task -> task.zeebeJobType(id + "-review"))
                .boundaryEvent("update", event -> event.cancelActivity(false)
                        .message(message -> message.name(id + "-update").zeebeCorrelationKeyExpression("memberId")))
                .serviceTask("note", task -> task.zeebeJobType(id + "-note"))
                .endEvent()
                .moveToActivity("review")
                .endEvent()
                .done());
        long instance = start(id, Map.of("memberId", "M-1"));

        publish(id + "-update", "M-1", Duration.ZERO, Map.of());
        publish(id + "-update", "M-1", Duration.ZERO, Map.of());

        Conformance.complete(client, id + "-note", Map.of());
        Conformance.complete(client, id + "-note", Map.of());
        Conformance.complete(client, id + "-review", Map.of());
        Conformance.awaitState(client, instance, "COMPLETED");

        publish(id + "-update", "M-1", Duration.ZERO, Map.of());
        assertThat(jobsOf(id + "-note")).as("the subscription ended with the task").isEmpty();
    }

    @Test
    void aMessageStartEventStartsOneActiveInstancePerCorrelationKey() {
        String id = Conformance.unique("life-event");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent("reported").message(id + "-reported")
                .serviceTask("verify", task -> task.zeebeJobType(id + "-verify"))
                .endEvent()
                .done());

        publish(id + "-reported", "M-42", Duration.ZERO, Map.of("event", "birth"));
        ActivatedJob verify = Conformance.activateOne(client, id + "-verify");
        assertThat(verify.getVariablesAsMap()).containsEntry("event", "birth");

        publish(id + "-reported", "M-42", Duration.ZERO, Map.of("event", "marriage"));
        assertThat(jobsOf(id + "-verify")).as("M-42 has an active instance already").isEmpty();
        publish(id + "-reported", "M-43", Duration.ZERO, Map.of());
        assertThat(jobsOf(id + "-verify")).as("another member's report starts its own").hasSize(1);

        client.newCompleteCommand(verify).send().join();
        Conformance.awaitState(client, verify.getProcessInstanceKey(), "COMPLETED");
        publish(id + "-reported", "M-42", Duration.ZERO, Map.of());
        assertThat(jobsOf(id + "-verify")).as("once it ended, M-42 may start one again").hasSize(1);
    }

    @Test
    void aStartMessageHeldBackByAnActiveInstanceStartsTheNextOneWhenItEnds() {
        String id = Conformance.unique("set-up");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent("requested").message(id + "-requested")
                .serviceTask("verify", task -> task.zeebeJobType(id + "-verify"))
                .endEvent()
                .done());

        publish(id + "-requested", "M-7", Duration.ofHours(1), Map.of("method", "first"));
        ActivatedJob first = Conformance.activateOne(client, id + "-verify");
        publish(id + "-requested", "M-7", Duration.ofHours(1), Map.of("method", "second"));
        publish(id + "-requested", "M-7", Duration.ZERO, Map.of("method", "not buffered"));
        assertThat(jobsOf(id + "-verify")).as("held back while M-7's instance is active").isEmpty();

        client.newCompleteCommand(first).send().join();
        ActivatedJob second = Conformance.activateOne(client, id + "-verify");
        assertThat(second.getVariablesAsMap()).containsEntry("method", "second");
        assertThat(second.getProcessInstanceKey()).isNotEqualTo(first.getProcessInstanceKey());

        client.newCompleteCommand(second).send().join();
        Conformance.awaitState(client, second.getProcessInstanceKey(), "COMPLETED");
        assertThat(jobsOf(id + "-verify")).as("the buffered message started one instance, and only one").isEmpty();
    }

    @Test
    void aCorrelationKeyThatIsNeitherTextNorNumberRaisesAnIncident() {
        String id = Conformance.unique("bad-key");
        Conformance.deploy(client, awaitSettlement(id));
        long instance = start(id, Map.of("invoiceId", Map.of("number", 1)));

        var incident = Conformance.awaitIncident(client, instance);
        assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
        assertThat(incident.getElementId()).isEqualTo("settled");
    }
}
