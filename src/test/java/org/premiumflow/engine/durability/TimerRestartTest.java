package org.premiumflow.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
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

/** Timers are kept in the database: one that fell due while the application was stopped fires right after the next start. */
class TimerRestartTest {

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

    private ConfigurableApplicationContext start() {
        return Premiumflow.start("premiumflow.embedded.postgres.data-directory=" + data);
    }

    private static CamundaClient client(ConfigurableApplicationContext app) {
        return CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + Premiumflow.port(app)))
                .preferRestOverGrpc(true).build();
    }
}
