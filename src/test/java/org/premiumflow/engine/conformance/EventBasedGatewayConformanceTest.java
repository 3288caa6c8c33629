package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An event-based gateway takes the path of whichever event comes first, a message or a timer, and withdraws the other. */
@ExtendWith(EngineUnderTest.class)
class EventBasedGatewayConformanceTest {

    private final CamundaClient client;
    private Instant now;

    EventBasedGatewayConformanceTest(CamundaClient client) {
        this.client = client;
    }

    @BeforeEach
    void pinClock() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        client.newPinClockCommand().time(now).send().join();
    }

    @AfterEach
    void resetClock() {
        client.newResetClockCommand().send().join();
    }

    private static BpmnModelInstance paymentOrGracePeriod(String id) {
        return Bpmn.createExecutableProcess(id)
                .startEvent()
                .eventBasedGateway("payment-or-grace")
                .intermediateCatchEvent("paid", event -> event.name("Payment received")
                        .message(message -> message.name(id + "-paid").zeebeCorrelationKeyExpression("invoiceId")))
                .serviceTask("apply-payment", task -> task.zeebeJobType(id + "-apply"))
                .endEvent("settled")
                .moveToLastGateway()
                .intermediateCatchEvent("grace-over", event -> event.name("Grace period over").timerWithDuration("P30D"))
                .serviceTask("terminate", task -> task.zeebeJobType(id + "-terminate"))
                .endEvent("terminated")
                .done();
    }

    @Test
    void theMessageWinsAndTheTimerIsWithdrawn() {
        String id = Conformance.unique("grace-paid");
        Conformance.deploy(client, paymentOrGracePeriod(id));
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(Map.of("invoiceId", "INV-1")).send().join();

        client.newPublishMessageCommand().messageName(id + "-paid").correlationKey("INV-1").variables(Map.of("paidAmount", 412))
                .send().join();

        assertThat(Conformance.activateOne(client, id + "-apply").getVariablesAsMap()).containsEntry("paidAmount", 412);
        client.newPinClockCommand().time(now.plus(Duration.ofDays(31))).send().join();
        assertThat(Conformance.activate(client, id + "-terminate", Duration.ofMinutes(1), Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void theTimerWinsAndALateMessageFindsNobody() {
        String id = Conformance.unique("grace-over");
        Conformance.deploy(client, paymentOrGracePeriod(id));
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(Map.of("invoiceId", "INV-2")).send().join();

        client.newPinClockCommand().time(now.plus(Duration.ofDays(30))).send().join();
        Conformance.activateOne(client, id + "-terminate");

        client.newPublishMessageCommand().messageName(id + "-paid").correlationKey("INV-2").send().join();
        assertThat(Conformance.activate(client, id + "-apply", Duration.ofMinutes(1), Duration.ofMillis(500))).isEmpty();
    }
}
