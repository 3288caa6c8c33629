package org.premiumflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.ConnectorCarePlanType;
import org.premiumflow.member.CoverageEndReason;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The monthly billing run on a database of its own, in batches of two: it bills every active
 * enrollment once, starts one collection per invoice, reports its progress, and run again or
 * resumed after a crash bills nobody twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "premiumflow.embedded.postgres.ephemeral=true",
        "premiumflow.demo-members=false",
        "premiumflow.billing.run.batch-size=2"})
class BillingRunTest {

    /** December 10, 2026: January 2027 is billed from today. */
    static final Instant RUN_DAY = Instant.parse("2026-12-10T11:00:00Z");
    static final YearMonth JANUARY = YearMonth.of(2027, 1);

    @LocalServerPort
    int port;
    @Autowired
    CamundaClient client;
    @Autowired
    ExchangeClock clock;
    @Autowired
    BillingRun run;
    @Autowired
    Members members;
    @Autowired
    Enrollments enrollments;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fiveMembersOneOfThemWithNothingToPay() {
        // Only the business clock moves: the engine's stays, so the daily timer start does not fire a run of its own here.
        clock.pin(RUN_DAY);
        jdbc.update("delete from premiumflow.billing_run");
        if (jdbc.queryForObject("select count(*) from premiumflow.member", Integer.class) == 0) {
            for (int i = 1; i <= 5; i++) {
                enrol("M-RUN-" + i, i == 5 ? "450.00" : "612.40", i == 5 ? "450.00" : "401.15");
            }
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void enrol(String memberId, String gross, String aptc) {
        transactions.executeWithoutResult(status -> {
            Member member = new Member(memberId, "Ana", "Costa", LocalDate.of(1970, 1, 5), Instant.EPOCH);
            member.contactAt(memberId.toLowerCase() + "@example.org", null);
            members.save(member);
            Enrollment enrollment = new Enrollment(member, "P", "Plan", LocalDate.of(2027, 1, 1), Program.CONNECTORCARE,
                    ConnectorCarePlanType.TYPE_2B);
            enrollment.premiumFrom(JANUARY, new Premium(new BigDecimal(gross), new BigDecimal(aptc)));
            enrollments.save(enrollment);
        });
    }

    private void requestRun() {
        client.newPublishMessageCommand().messageName("billing-run-requested").correlationKey("").send().join();
    }

    private int invoices() {
        return jdbc.queryForObject("select count(*) from premiumflow.invoice where coverage_month = '2027-01-01'", Integer.class);
    }

    private int collectionsStarted() {
        return jdbc.queryForObject("select count(*) from premiumflow.workflow_message where name = 'invoice-issued'", Integer.class);
    }

    @Test
    void everyEnrollmentIsBilledOnceAndEachInvoiceIsCollectedByItsOwnProcess() {
        requestRun();

        await().atMost(Duration.ofSeconds(30)).until(() -> run.progress(JANUARY).map(BillingRunProgress::finished).orElse(false));
        assertThat(invoices()).isEqualTo(5);
        assertThat(collectionsStarted()).isEqualTo(5);
        JsonNode progress = Http.getJson(port, "/api/billing-runs/2027-01");
        assertThat(progress.get("toDo").asInt()).isEqualTo(5);
        assertThat(progress.get("done").asInt()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from premiumflow.notice where template = 'PREMIUM_BILL'", Integer.class) == 4);
        assertThat(jdbc.queryForList("select member_id from premiumflow.notice where template = 'PREMIUM_BILL'", String.class))
                .as("the $0 premium is paid already: no bill").doesNotContain("M-RUN-5");

        requestRun();
        jdbc.update("delete from premiumflow.billing_run");
        requestRun();
        await().atMost(Duration.ofSeconds(30)).until(() -> run.progress(JANUARY).map(BillingRunProgress::finished).orElse(false));
        assertThat(invoices()).as("run again from scratch, still one invoice each").isEqualTo(5);
        assertThat(collectionsStarted()).isEqualTo(5);
    }

    @Test
    void aRunStoppedAfterItsFirstBatchResumesThereAndBillsNobodyTwice() {
        assertThat(run.due()).contains(JANUARY);
        BillingRunProgress afterFirstBatch = run.nextBatch(JANUARY);
        assertThat(afterFirstBatch.done()).isEqualTo(2);
        // The application stops here; a later run (the next day's, or an operator's) carries on.
        List<Long> billedFirst = jdbc.queryForList("select enrollment_id from premiumflow.invoice order by enrollment_id", Long.class);

        requestRun();

        await().atMost(Duration.ofSeconds(30)).until(() -> run.progress(JANUARY).map(BillingRunProgress::finished).orElse(false));
        assertThat(invoices()).isEqualTo(5);
        assertThat(jdbc.queryForList("select enrollment_id from premiumflow.invoice order by enrollment_id", Long.class))
                .containsSubsequence(billedFirst).doesNotHaveDuplicates();
        assertThat(run.progress(JANUARY).orElseThrow().done()).isEqualTo(5);
    }

    @Test
    void anEnrollmentWithoutAPremiumForTheMonthIsReportedNotBilled() {
        transactions.executeWithoutResult(status -> {
            Member member = new Member("M-RUN-NO-PREMIUM", "Ana", "Costa", LocalDate.of(1970, 1, 5), Instant.EPOCH);
            members.save(member);
            enrollments.save(new Enrollment(member, "P", "Plan", LocalDate.of(2027, 1, 1), Program.UNSUBSIDIZED, null));
        });
        try {
            requestRun();

            await().atMost(Duration.ofSeconds(30)).until(() -> run.progress(JANUARY).map(BillingRunProgress::finished).orElse(false));
            JsonNode progress = Http.getJson(port, "/api/billing-runs/2027-01");
            assertThat(progress.get("toDo").asInt()).isEqualTo(6);
            assertThat(progress.get("done").asInt()).isEqualTo(6);
            assertThat(progress.get("withoutPremium").asInt()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from premiumflow.invoice where member_id = 'M-RUN-NO-PREMIUM'",
                    Integer.class)).isZero();
        } finally {
            jdbc.update("delete from premiumflow.enrollment where member_id = 'M-RUN-NO-PREMIUM'");
            jdbc.update("delete from premiumflow.member where member_id = 'M-RUN-NO-PREMIUM'");
        }
    }

    @Test
    void anEnrollmentWhoseCoverageEndedBeforeTheMonthIsNotBilled() {
        Long ended = transactions.execute(status -> {
            Member member = members.save(new Member("M-RUN-ENDED", "Ana", "Costa", LocalDate.of(1970, 1, 5), Instant.EPOCH));
            Enrollment enrollment = new Enrollment(member, "P", "Plan", LocalDate.of(2026, 10, 1), Program.UNSUBSIDIZED, null);
            enrollment.premiumFrom(YearMonth.of(2026, 10), new Premium(new BigDecimal("500.00"), BigDecimal.ZERO));
            enrollment.endCoverage(LocalDate.of(2026, 12, 31), CoverageEndReason.NON_PAYMENT);
            return enrollments.save(enrollment).id();
        });
        try {
            requestRun();

            await().atMost(Duration.ofSeconds(30)).until(() -> run.progress(JANUARY).map(BillingRunProgress::finished).orElse(false));
            assertThat(run.progress(JANUARY).orElseThrow().toDo()).isEqualTo(5);
            assertThat(invoices()).isEqualTo(5);
            assertThat(jdbc.queryForObject("select count(*) from premiumflow.invoice where enrollment_id = ?", Integer.class, ended))
                    .isZero();
        } finally {
            jdbc.update("delete from premiumflow.monthly_premium where enrollment_id = ?", ended);
            jdbc.update("delete from premiumflow.enrollment where id = ?", ended);
            jdbc.update("delete from premiumflow.member where member_id = 'M-RUN-ENDED'");
        }
    }

    @Test
    void beforeTheRunDayNothingIsBilled() {
        clock.pin(Instant.parse("2026-12-09T15:00:00Z"));

        assertThat(run.due()).isEmpty();
        assertThat(run.progress(JANUARY)).isEmpty();
    }
}
