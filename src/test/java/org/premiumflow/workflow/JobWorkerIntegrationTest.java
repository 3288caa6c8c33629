package org.premiumflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.premiumflow.support.FreePort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application's own Camunda client and an annotated {@code @JobWorker} bean, exactly as the
 * business capabilities will use them, run a process on the embedded engine the application serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class JobWorkerIntegrationTest {

    static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired
    CamundaClient client;

    @TestConfiguration
    static class Workers {
        @Bean
        PremiumCalculator premiumCalculator() {
            return new PremiumCalculator();
        }
    }

    /** A worker written the way the domain's workers will be: variables in, variables out. */
    public static class PremiumCalculator {
        @JobWorker(type = "calculate-member-responsibility")
        public Map<String, Object> calculate(@Variable BigDecimal grossPremium, @Variable BigDecimal aptc) {
            return Map.of("memberResponsibility", grossPremium.subtract(aptc).max(BigDecimal.ZERO));
        }
    }

    @Test
    void anAnnotatedJobWorkerCompletesTasksOnTheEmbeddedEngine() {
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("member-responsibility")
                .startEvent()
                .serviceTask("calculate", task -> task.zeebeJobType("calculate-member-responsibility"))
                .endEvent()
                .done(), "member-responsibility.bpmn").send().join();

        ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("member-responsibility").latestVersion()
                .variables(Map.of("grossPremium", new BigDecimal("612.40"), "aptc", new BigDecimal("401.15")))
                .withResult().send().join();

        assertThat(new BigDecimal(result.getVariablesAsMap().get("memberResponsibility").toString()))
                .isEqualByComparingTo("211.25");
    }
}
