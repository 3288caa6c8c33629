package org.premiumflow.engine.durability;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.premiumflow.support.Premiumflow;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What waits is kept in the database: a timer that fell due while the application was stopped
 * fires right after the next start, and a buffered message outlives a restart.
 */
class RestartTest {

    @TempDir
    Path data;

    @Test
    void aTimerDueWhileTheApplicationWasDownFiresAfterTheRestart() {
        Instant stoppedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long instance;
        try (ConfigurableApplicationContext app = start(); CamundaClient client = client(app)) {
            client.newPinClockCommand().time(stoppedAt).send().join();
            client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("grace-period")
                    .startEvent()
                    .intermediateCatchEvent("wait", event -> event.timerWithDuration("P30D"))
                    .endEvent()
                    .done(), "grace-period.bpmn").send().join();
            instance = client.newCreateInstanceCommand().bpmnProcessId("grace-period").latestVersion().send().join()
                    .getProcessInstanceKey();
        }

        try (ConfigurableApplicationContext app = start(); CamundaClient client = client(app)) {
            client.newPinClockCommand().time(stoppedAt.plus(Duration.ofDays(31))).send().join();

            await().atMost(Duration.ofSeconds(15)).until(
                    () -> client.newProcessInstanceGetRequest(instance).send().join().getState().name(), "COMPLETED"::equals);
        }
    }

    @Test
    void aBufferedMessageIsStillThereAfterARestart() {
        try (ConfigurableApplicationContext app = start(); CamundaClient client = client(app)) {
            client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("await-settlement")
                    .startEvent()
                    .intermediateCatchEvent("settled", event -> event
                            .message(message -> message.name("payment-settled").zeebeCorrelationKeyExpression("invoiceId")))
                    .endEvent()
                    .done(), "await-settlement.bpmn").send().join();
            client.newPublishMessageCommand().messageName("payment-settled").correlationKey("INV-1")
                    .timeToLive(Duration.ofHours(1)).send().join();
        }

        try (ConfigurableApplicationContext app = start(); CamundaClient client = client(app)) {
            long instance = client.newCreateInstanceCommand().bpmnProcessId("await-settlement").latestVersion()
                    .variables(java.util.Map.of("invoiceId", "INV-1")).send().join().getProcessInstanceKey();

            await().atMost(Duration.ofSeconds(15)).until(
                    () -> client.newProcessInstanceGetRequest(instance).send().join().getState().name(), "COMPLETED"::equals);
        }
    }

    private ConfigurableApplicationContext start() {
        return Premiumflow.start("premiumflow.embedded.postgres.data-directory=" + data);
    }

    private static CamundaClient client(ConfigurableApplicationContext app) {
        return CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + Premiumflow.port(app)))
                .preferRestOverGrpc(true).build();
    }
}
