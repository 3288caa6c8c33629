package org.premiumflow.rating;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.math.BigDecimal;
import java.util.Map;
import org.premiumflow.member.ConnectorCarePlanType;
import org.premiumflow.member.Program;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decision {@code program-eligibility} ({@code dmn/program-eligibility.dmn}) as deployed, evaluated
 * through the Camunda client, so the analysts' table is the only place the income bands live.
 */
@Component
class ProgramEligibility {

    static final String DECISION_ID = "program-eligibility";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CamundaClient client;

    ProgramEligibility(CamundaClient client) {
        this.client = client;
    }

    /** The program and, for ConnectorCare, the plan type. */
    record Eligibility(Program program, ConnectorCarePlanType planType) {
    }

    /**
     * @throws IllegalStateException when the decision fails or no row matches: a gap in the table
     *                               the analysts must close, never a default
     */
    Eligibility decide(BigDecimal incomePercentOfFpl, boolean eligibleForOtherCoverage, boolean connectorCarePlan) {
        Map<String, Object> variables = Map.of(
                "incomePercentOfFpl", incomePercentOfFpl,
                "eligibleForOtherCoverage", eligibleForOtherCoverage,
                "connectorCarePlan", connectorCarePlan);
        EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId(DECISION_ID)
                .variables(variables).send().join();
        if (response.getFailureMessage() != null) {
            throw new IllegalStateException("Decision '" + DECISION_ID + "' failed for " + variables + ": " + response.getFailureMessage());
        }
        Object output = JSON.readValue(response.getDecisionOutput(), Object.class);
        if (!(output instanceof Map<?, ?> decided)) {
            throw new IllegalStateException("Decision '" + DECISION_ID + "' matched no rule for " + variables);
        }
        Program program = Program.valueOf((String) decided.get("program"));
        String planType = (String) decided.get("connectorCarePlanType");
        if ((program == Program.CONNECTORCARE) != (planType != null)) {
            throw new IllegalStateException("Decision '" + DECISION_ID + "' gave " + decided + " for " + variables
                    + ": a plan type belongs with ConnectorCare and only with it");
        }
        return new Eligibility(program, planType == null ? null : ConnectorCarePlanType.ofCode(planType));
    }
}
