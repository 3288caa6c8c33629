package org.premiumflow.rating;

import java.math.BigDecimal;
import java.util.Optional;
import org.premiumflow.member.ConnectorCarePlanType;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;

/**
 * A household's monthly premium for a plan and coverage month, with what it was worked out from,
 * so a notice or a caseworker can show how the amount came about.
 *
 * @param incomePercentOfFpl   household income as % of the poverty guideline for its size, two decimals
 * @param program              from decision {@code program-eligibility}
 * @param planType             the ConnectorCare plan type, null unless the program is ConnectorCare
 * @param applicablePercentage the share of income the household is expected to pay, in percent; null without a tax credit
 * @param expectedContribution that share of a month's income, dollars and cents; zero without a tax credit
 * @param benchmarkPremium     the benchmark plan's premium for the same people
 * @param premium              gross (the plan's premium for the people on it), APTC, and so the member's part
 */
public record Rating(BigDecimal incomePercentOfFpl, Program program, ConnectorCarePlanType planType, BigDecimal applicablePercentage,
                     BigDecimal expectedContribution, BigDecimal benchmarkPremium, Premium premium) {

    public Optional<ConnectorCarePlanType> connectorCarePlanType() {
        return Optional.ofNullable(planType);
    }

    public BigDecimal memberResponsibility() {
        return premium.memberResponsibility();
    }
}
