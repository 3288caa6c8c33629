package org.premiumflow.billing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills every enrollment that covers some day of a coverage month, in batches in enrollment id order. The run
 * records how far it got after each batch, in the batch's transaction: after a crash it resumes
 * there, and run again it bills nobody twice (one invoice per enrollment and month).
 */
@Service
public class BillingRun {

    private static final Logger log = LoggerFactory.getLogger(BillingRun.class);

    private final JdbcClient jdbc;
    private final EntityManager entityManager;
    private final Invoicing invoicing;
    private final BillingRunProperties properties;
    private final Clock clock;

    BillingRun(JdbcClient jdbc, EntityManager entityManager, Invoicing invoicing, BillingRunProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.invoicing = invoicing;
        this.properties = properties;
        this.clock = clock;
    }

    /** The coverage month due to be billed today, if its run has not finished: from the run day on, next month. */
    @Transactional
    public Optional<YearMonth> due() {
        LocalDate today = LocalDate.now(clock);
        if (today.getDayOfMonth() < properties.dayOfMonth()) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(today).plusMonths(1);
        jdbc.sql("""
                        insert into premiumflow.billing_run (coverage_month, started_at, to_do)
                        values (?, ?, (select count(*) from premiumflow.enrollment where coverage_start <= ?
                                       and (coverage_end is null or coverage_end >= ?)))
                        on conflict (coverage_month) do nothing""")
                .params(month.atDay(1), Timestamp.from(clock.instant()), month.atEndOfMonth(), month.atDay(1))
                .update();
        return progress(month).filter(run -> !run.finished()).map(BillingRunProgress::coverageMonth);
    }

    /** Bills the next batch of the month's run; answers the progress, finished once nobody is left. */
    @Transactional
    public BillingRunProgress nextBatch(YearMonth month) {
        Long after = jdbc.sql("select last_enrollment_id from premiumflow.billing_run where coverage_month = ? for update")
                .param(month.atDay(1)).query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("No billing run for " + month));
        // The batch writes through JDBC; the entities its plans read need no flush before each query,
        // which with hundreds of them loaded would check them all again for every invoice.
        entityManager.setFlushMode(FlushModeType.COMMIT);
        List<BillableEnrollment> batch = jdbc.sql("""
                        select e.id, e.member_id, p.member_responsibility from premiumflow.enrollment e
                        left join lateral (select member_responsibility from premiumflow.monthly_premium m
                                           where m.enrollment_id = e.id and m.effective_month <= ?
                                           order by m.effective_month desc limit 1) p on true
                        where e.id > ? and e.coverage_start <= ? and (e.coverage_end is null or e.coverage_end >= ?)
                        order by e.id limit ?""")
                .params(month.atDay(1), after, month.atEndOfMonth(), month.atDay(1), properties.batchSize())
                .query((row, n) -> new BillableEnrollment(row.getLong(1), row.getString(2), row.getBigDecimal(3))).list();
        if (batch.isEmpty()) {
            jdbc.sql("update premiumflow.billing_run set finished_at = ? where coverage_month = ? and finished_at is null")
                    .params(Timestamp.from(clock.instant()), month.atDay(1)).update();
            BillingRunProgress finished = progress(month).orElseThrow();
            log.info("Billing run for {} finished: {} enrollments billed, {} without a premium for the month not billed", month,
                    finished.done() - finished.withoutPremium(), finished.withoutPremium());
            return finished;
        }
        // An enrollment without a premium for the month cannot be billed: it counts as done, and
        // apart, so that the run's progress shows who was left unbilled.
        int withoutPremium = 0;
        for (BillableEnrollment enrollment : batch) {
            if (enrollment.memberResponsibility() == null) {
                log.warn("Billing run for {}: enrollment {} of member {} has no premium for the month; not billed",
                        month, enrollment.enrollmentId(), enrollment.memberId());
                withoutPremium++;
            } else {
                invoicing.issue(enrollment, month);
            }
        }
        jdbc.sql("""
                        update premiumflow.billing_run set done = done + ?, without_premium = without_premium + ?,
                        last_enrollment_id = ? where coverage_month = ?""")
                .params(batch.size(), withoutPremium, batch.get(batch.size() - 1).enrollmentId(), month.atDay(1)).update();
        return progress(month).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<BillingRunProgress> progress(YearMonth month) {
        return jdbc.sql("select * from premiumflow.billing_run where coverage_month = ?").param(month.atDay(1))
                .query((row, n) -> new BillingRunProgress(YearMonth.from(row.getObject("coverage_month", LocalDate.class)),
                        row.getInt("to_do"), row.getInt("done"), row.getInt("without_premium"),
                        row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant()))
                .optional();
    }
}
