package org.premiumflow.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.engine.EngineClock;
import org.premiumflow.engine.deployment.DeploymentService;
import org.premiumflow.engine.deployment.ResourceUpload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where messages went is remembered while it matters, then removed, so the table does not grow with every correlation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class MessageCorrelationCleanupTest {

    @Autowired
    DeploymentService deployments;
    @Autowired
    ProcessInstances processInstances;
    @Autowired
    Messages messages;
    @Autowired
    EngineClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void correlationsAreForgottenOnceTheirMessageIsGoneAndItsPublicationLongOver() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        clock.pin(now);
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("await-settlement")
                .startEvent()
                .intermediateCatchEvent("settled", event -> event
                        .message(message -> message.name("settled").zeebeCorrelationKeyExpression("invoiceId")))
                .endEvent()
                .done());
        deployments.deploy(List.of(new ResourceUpload("await-settlement.bpmn", bpmn.getBytes(StandardCharsets.UTF_8))), "<default>");
        for (String invoice : List.of("INV-1", "INV-2")) {
            processInstances.start(new ProcessInstances.Start(null, "await-settlement", null, "<default>", Map.of("invoiceId", invoice)));
        }
        long unbuffered = messages.publish(new Messages.Publication("settled", "INV-1", Duration.ZERO, null, Map.of(), "<default>"));
        long buffered = messages.publish(new Messages.Publication("settled", "INV-2", Duration.ofHours(1), null, Map.of(), "<default>"));
        assertThat(correlationsOf(unbuffered)).isEqualTo(1);
        assertThat(correlationsOf(buffered)).isEqualTo(1);

        clock.pin(now.plus(Duration.ofMinutes(11)));
        messages.deleteExpired();
        assertThat(correlationsOf(unbuffered)).as("its publication is over").isZero();
        assertThat(correlationsOf(buffered)).as("the message still lives: it must not reach the process again").isEqualTo(1);

        clock.pin(now.plus(Duration.ofHours(2)));
        messages.deleteExpired();
        assertThat(correlationsOf(buffered)).isZero();
    }

    private int correlationsOf(long messageKey) {
        return jdbc.queryForObject("select count(*) from engine.message_correlation where message_key = ?", Integer.class, messageKey);
    }
}
