package org.premiumflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages to processes go out only for committed changes, and one the cluster refuses neither
 * disappears nor holds up the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class WorkflowMessagesTest {

    @Autowired
    WorkflowMessages messages;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CamundaClient client;
    @Autowired
    JdbcTemplate jdbc;

    String process;

    @BeforeEach
    void processStartedByAMessage() {
        process = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(process)
                .startEvent().message(process + "-start")
                .serviceTask("work", task -> task.zeebeJobType(process + "-work"))
                .endEvent().done(), process + ".bpmn").send().join();
    }

    private WorkflowMessage start(String key) {
        return new WorkflowMessage(process + "-start", key, process + ":" + key, Duration.ofMinutes(5), Map.of("key", key));
    }

    private long instancesStarted() {
        return client.newProcessInstanceSearchRequest().filter(filter -> filter.processDefinitionId(process)).send().join().items().size();
    }

    @Test
    void aMessageSentWithACommittedChangeStartsItsProcess() {
        transactions.executeWithoutResult(status -> messages.send(start("K-1")));

        await().atMost(Duration.ofSeconds(10)).until(() -> instancesStarted() == 1);
        assertThat(jdbc.queryForObject("select published_at is not null from premiumflow.workflow_message where message_id = ?",
                Boolean.class, process + ":K-1")).isTrue();
    }

    @Test
    void aMessageSentWithAChangeThatRolledBackNeverLeaves() {
        transactions.executeWithoutResult(status -> {
            messages.send(start("K-2"));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> messages.send(start("K-3")));

        await().atMost(Duration.ofSeconds(10)).until(() -> instancesStarted() == 1);
        assertThat(jdbc.queryForObject("select count(*) from premiumflow.workflow_message where message_id = ?",
                Integer.class, process + ":K-2")).isZero();
    }

    @Test
    void aMessageTheClusterRefusesIsTriedAgainLaterAndTheNextOnesStillGo() {
        transactions.executeWithoutResult(status -> {
            messages.send(new WorkflowMessage("", "K-4", process + ":refused", Duration.ZERO, Map.of()));
            messages.send(start("K-5"));
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> instancesStarted() == 1);
        Map<String, Object> refused = jdbc.queryForMap(
                "select published_at, attempts, next_attempt_at > now() as later, last_error from premiumflow.workflow_message"
                        + " where message_id = ?", process + ":refused");
        assertThat(refused.get("published_at")).isNull();
        assertThat(refused.get("attempts")).isEqualTo(1);
        assertThat(refused.get("later")).isEqualTo(true);
        assertThat(refused.get("last_error").toString()).contains("name");
    }
}
