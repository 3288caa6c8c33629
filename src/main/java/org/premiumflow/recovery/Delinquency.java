package org.premiumflow.recovery;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Where an enrollment's unpaid premiums stand on one day: the months past due and not paid in
 * full, oldest first, and the month after them that the warnings also ask for.
 *
 * @param unpaidMonths   the delinquent months, the oldest first, all owed and all listed in warnings
 * @param graceMonth     the month the running grace runs from: the oldest delinquent month whose grace
 *                       has not concluded ({@link ConcludedGrace}); empty when every one's has
 * @param nextMonth      the month after the last delinquent one, if it has a premium
 */
public record Delinquency(long enrollmentId, List<UnpaidMonth> unpaidMonths, Optional<YearMonth> graceMonth,
                          Optional<UnpaidMonth> nextMonth) {

    public record UnpaidMonth(YearMonth month, BigDecimal amount) {
    }

    public Optional<YearMonth> firstUnpaidMonth() {
        return unpaidMonths.stream().findFirst().map(UnpaidMonth::month);
    }

    public BigDecimal totalDue() {
        return unpaidMonths.stream().map(UnpaidMonth::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
