package org.premiumflow.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.premiumflow.support.Premiumflow;
import org.springframework.context.ConfigurableApplicationContext;

/** Two application instances share one database: each due timer fires once, on one of them. */
class TwoNodeTimerTest {

    private static final int INSTANCES = 30;

    @Test
    void aDueTimerFiresOnceWhenTwoNodesLookForIt() {
        try (ConfigurableApplicationContext first = Premiumflow.start("premiumflow.embedded.postgres.ephemeral=true");
             ConfigurableApplicationContext second = Premiumflow.start(
                     "spring.datasource.url=" + ((HikariDataSource) first.getBean(DataSource.class)).getJdbcUrl(),
                     "spring.datasource.username=postgres");
             CamundaClient one = client(first);
             CamundaClient two = client(second)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            one.newPinClockCommand().time(now).send().join();
            two.newPinClockCommand().time(now).send().join();
            one.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("reminder")
                    .startEvent()
                    .intermediateCatchEvent("wait", event -> event.timerWithDuration("P7D"))
                    .serviceTask("remind", task -> task.zeebeJobType("send-reminder"))
                    .endEvent()
                    .done(), "reminder.bpmn").send().join();
            one.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("billing-run")
                    .startEvent("monthly").timerWithDuration("P1D")
                    .serviceTask("bill", task -> task.zeebeJobType("bill-members"))
                    .endEvent()
                    .done(), "billing-run.bpmn").send().join();
            IntStream.range(0, INSTANCES).forEach(i -> (i % 2 == 0 ? one : two).newCreateInstanceCommand()
                    .bpmnProcessId("reminder").latestVersion().send().join());

            one.newPinClockCommand().time(now.plus(Duration.ofDays(8))).send().join();
            two.newPinClockCommand().time(now.plus(Duration.ofDays(8))).send().join();

            List<ActivatedJob> reminders = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                reminders.addAll(one.newActivateJobsCommand().jobType("send-reminder").maxJobsToActivate(100)
                        .timeout(Duration.ofMinutes(10)).requestTimeout(Duration.ofMillis(200)).send().join().getJobs());
                return reminders.size() >= INSTANCES;
            });
            reminders.addAll(one.newActivateJobsCommand().jobType("send-reminder").maxJobsToActivate(100)
                    .timeout(Duration.ofMinutes(10)).requestTimeout(Duration.ofSeconds(1)).send().join().getJobs());
            assertThat(reminders).as("one reminder per instance: every timer fired exactly once").hasSize(INSTANCES);
            assertThat(reminders.stream().map(ActivatedJob::getProcessInstanceKey).distinct()).hasSize(INSTANCES);
            assertThat(two.newActivateJobsCommand().jobType("bill-members").maxJobsToActivate(10)
                    .timeout(Duration.ofMinutes(10)).requestTimeout(Duration.ofSeconds(2)).send().join().getJobs())
                    .as("the start timer started one billing run, not one per node").hasSize(1);
        }
    }

    private static CamundaClient client(ConfigurableApplicationContext app) {
        return CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + Premiumflow.port(app)))
                .preferRestOverGrpc(true).build();
    }
}
