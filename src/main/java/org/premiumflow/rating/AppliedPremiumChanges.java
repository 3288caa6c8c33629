package org.premiumflow.rating;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.premiumflow.billing.BillingAdjustments;
import org.premiumflow.member.Premium;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The premium changes applied, one per reference (migration V23): what makes applying one idempotent. */
@Repository
class AppliedPremiumChanges {

    private final JdbcClient jdbc;
    private final BillingAdjustments adjustments;

    AppliedPremiumChanges(JdbcClient jdbc, BillingAdjustments adjustments) {
        this.jdbc = jdbc;
        this.adjustments = adjustments;
    }

    /** The change applied under the reference before, as it was applied. */
    Optional<AppliedPremiumChange> find(String reference) {
        return jdbc.sql("select * from premiumflow.premium_change where reference = ?").param(reference)
                .query((row, n) -> new AppliedPremiumChange(reference, row.getLong("enrollment_id"),
                        row.getObject("coverage_effective", LocalDate.class),
                        YearMonth.from(row.getObject("premium_month", LocalDate.class)),
                        new Premium(row.getBigDecimal("gross"), row.getBigDecimal("aptc")), adjustments.ofReference(reference), false))
                .optional();
    }

    void record(String memberId, AppliedPremiumChange change, Instant now) {
        jdbc.sql("""
                        insert into premiumflow.premium_change (reference, member_id, enrollment_id, coverage_effective, premium_month,
                                                                gross, aptc, applied_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(change.reference(), memberId, change.enrollmentId(), change.coverageEffective(), change.premiumMonth().atDay(1),
                        change.premium().gross(), change.premium().aptc(), Timestamp.from(now))
                .update();
    }
}
