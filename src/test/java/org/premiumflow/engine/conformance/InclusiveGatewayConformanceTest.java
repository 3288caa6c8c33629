package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An inclusive gateway forks into every branch whose condition holds and joins only the branches taken. */
@ExtendWith(EngineUnderTest.class)
class InclusiveGatewayConformanceTest {

    private final CamundaClient client;

    InclusiveGatewayConformanceTest(CamundaClient client) {
        this.client = client;
    }

    private static BpmnModelInstance notices(String id) {
        return Bpmn.createExecutableProcess(id)
                .startEvent()
                .inclusiveGateway("which-notices")
                .conditionExpression("byEmail")
                .serviceTask("email", task -> task.zeebeJobType(id + "-email"))
                .inclusiveGateway("all-sent")
                .serviceTask("record", task -> task.zeebeJobType(id + "-record"))
                .endEvent()
                .moveToNode("which-notices")
                .conditionExpression("byMail")
                .serviceTask("letter", task -> task.zeebeJobType(id + "-letter"))
                .connectTo("all-sent")
                .moveToNode("which-notices")
                .conditionExpression("bySms")
                .serviceTask("sms", task -> task.zeebeJobType(id + "-sms"))
                .connectTo("all-sent")
                .done();
    }

    private long start(String id, boolean email, boolean mail, boolean sms) {
        return client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("byEmail", email, "byMail", mail, "bySms", sms)).send().join().getProcessInstanceKey();
    }

    private boolean recordStarted(String id) {
        return !Conformance.activate(client, id + "-record", Duration.ofMinutes(1), Duration.ofMillis(500)).isEmpty();
    }

    @Test
    void theJoinWaitsForEveryBranchTakenAndNoOther() {
        String id = Conformance.unique("notices");
        Conformance.deploy(client, notices(id));
        long instance = start(id, true, true, false);

        Conformance.complete(client, id + "-email", Map.of());
        assertThat(Conformance.activate(client, id + "-sms", Duration.ofMinutes(1), Duration.ofMillis(200))).isEmpty();
        assertThat(recordStarted(id)).as("the letter is still on its way").isFalse();

        Conformance.complete(client, id + "-letter", Map.of());
        ActivatedJob record = Conformance.activateOne(client, id + "-record");
        client.newCompleteCommand(record).send().join();
        Conformance.awaitState(client, instance, "COMPLETED");
        assertThat(recordStarted(id)).as("the join fired once").isFalse();
    }

    @Test
    void aSingleBranchPassesTheJoinAlone() {
        String id = Conformance.unique("one-notice");
        Conformance.deploy(client, notices(id));
        start(id, false, false, true);

        Conformance.complete(client, id + "-sms", Map.of());

        assertThat(recordStarted(id)).isTrue();
    }
}
