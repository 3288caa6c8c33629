package org.premiumflow.billing.benchmark;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.premiumflow.PremiumflowApplication;
import org.premiumflow.billing.BillingRun;
import org.premiumflow.billing.BillingRunProgress;
import org.premiumflow.billing.SettlementCheck;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.paymentmethod.AccountNumberCipher;
import org.premiumflow.paymentmethod.BankAccountNumber;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A month's billing for many members on AutoPay by bank account, end to end on the embedded
 * engine and PostgreSQL: the billing run issues the invoices and starts one collection each, the
 * drafts go out on the draft date, and the debits settle. Prints the time of each phase and
 * members per second. Members have no e-mail address, so notices are recorded but not mailed
 * (the embedded mail server keeps every message in memory). Run with
 * {@code ./mvnw -Pbilling-benchmark verify -Dbenchmark.members=100000}.
 */
public final class BillingRunBenchmark {

    private static final Instant RUN_DAY = Instant.parse("2026-12-10T11:00:00Z");
    private static final Instant DRAFT_DAY = Instant.parse("2026-12-23T12:00:00Z");
    private static final Instant SETTLED_BY = Instant.parse("2026-12-28T15:00:00Z");
    private static final YearMonth JANUARY = YearMonth.of(2027, 1);

    private BillingRunBenchmark() {
    }

    public static void main(String[] args) {
        int members = Integer.getInteger("benchmark.members", 1000);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PremiumflowApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn",
                        "--premiumflow.embedded.postgres.ephemeral=true", "--premiumflow.demo-members=false",
                        "--premiumflow.billing.settlement-check-interval=PT1H", "--server.tomcat.threads.max=64",
                        "--spring.datasource.hikari.maximum-pool-size=32",
                        "--premiumflow.payment-methods.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            CamundaClient client = app.getBean(CamundaClient.class);
            ExchangeClock clock = app.getBean(ExchangeClock.class);
            // Seeded before the clocks reach the run day: the billing run's daily timer would start
            // the run as soon as they do, and bill whoever was seeded by then.
            long seeding = System.nanoTime();
            seed(jdbc, app.getBean(AccountNumberCipher.class), members);
            moveClocks(clock, client, RUN_DAY);
            System.out.printf("%nBilling benchmark: %d members on AutoPay by bank account, %d cores (seeded in %.1f s)%n",
                    members, Runtime.getRuntime().availableProcessors(), seconds(seeding));

            long start = System.nanoTime();
            client.newPublishMessageCommand().messageName("billing-run-requested").correlationKey("").send().join();
            BillingRun run = app.getBean(BillingRun.class);
            await(() -> run.progress(JANUARY).filter(BillingRunProgress::finished).map(BillingRunProgress::done).orElse(0), members);
            double invoiced = seconds(start);
            await(() -> count(jdbc, "select count(*) from premiumflow.workflow_message where name = 'invoice-issued'"
                    + " and published_at is not null"), members);
            double started = seconds(start);
            await(() -> count(jdbc, "select count(*) from premiumflow.notice where template = 'PREMIUM_BILL'"), members);
            double billed = seconds(start);
            System.out.printf("  billing run:  %d invoices in %.1f s, collections started by %.1f s, bills recorded by %.1f s%n",
                    members, invoiced, started, billed);

            moveClocks(clock, client, DRAFT_DAY);
            long drafting = System.nanoTime();
            await(() -> count(jdbc, "select count(*) from premiumflow.payment"), members);
            double drafted = seconds(drafting);
            System.out.printf("  drafts:       %d AutoPay debits (after the reminders) in %.1f s%n", members, drafted);

            moveClocks(clock, client, SETTLED_BY);
            long settling = System.nanoTime();
            app.getBean(SettlementCheck.class).checkNow();
            double checked = seconds(settling);
            await(() -> count(jdbc, "select count(*) from premiumflow.notice where template = 'PAYMENT_RECEIPT'"), members);
            double settled = seconds(settling);
            System.out.printf("  settlement:   %d debits settled (the check itself %.1f s) and receipts recorded in %.1f s%n",
                    members, checked, settled);

            double total = billed + drafted + settled;
            System.out.printf("  total:        %.1f s for %d members: %.0f members/s (goal: 100,000 in 600 s, 167 members/s)%n%n",
                    total, members, members / total);
        }
    }

    private static void seed(JdbcTemplate jdbc, AccountNumberCipher cipher, int members) {
        String account = cipher.encrypt(new BankAccountNumber("000123456789"));
        LocalDate january = JANUARY.atDay(1);
        for (int from = 0; from < members; from += 1000) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = from; i < Math.min(members, from + 1000); i++) {
                rows.add(new Object[] {String.format("M-%07d", i)});
            }
            jdbc.batchUpdate("insert into premiumflow.member (member_id, first_name, last_name, date_of_birth, created_at)"
                    + " values (?, 'Bench', 'Member', '1980-01-01', now())", rows);
            jdbc.batchUpdate("insert into premiumflow.enrollment (member_id, plan_id, plan_name, coverage_start, program)"
                    + " values (?, 'P', 'Plan', '" + january + "', 'APTC_ONLY')", rows);
            jdbc.batchUpdate("insert into premiumflow.payment_method (member_id, kind, status, last_four, account_type,"
                    + " name_on_account, routing_number, account_number_encrypted, created_at)"
                    + " values (?, 'BANK_ACCOUNT', 'VERIFIED', '6789', 'CHECKING', 'Bench Member', '011000015', '" + account + "', now())",
                    rows);
        }
        jdbc.update("insert into premiumflow.monthly_premium (enrollment_id, effective_month, gross, aptc, member_responsibility)"
                + " select id, ?, 612.40, 401.15, 211.25 from premiumflow.enrollment", january);
        jdbc.update("insert into premiumflow.autopay_mandate (member_id, payment_method_id, status, amount_rule, authorized_by,"
                + " authorized_at, authorization_channel, first_draft_date, coverage_month, activated_at)"
                + " select member_id, id, 'ACTIVE', 'MONTHLY_MEMBER_RESPONSIBILITY', 'Bench Member', now(), 'MEMBER_API',"
                + " '2026-12-23', ?, now() from premiumflow.payment_method", january);
    }

    private static void moveClocks(ExchangeClock clock, CamundaClient client, Instant instant) {
        clock.pin(instant);
        client.newPinClockCommand().time(instant).send().join();
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static void await(IntSupplier done, int target) {
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        while (done.getAsInt() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not done after 2 hours: " + done.getAsInt() + " of " + target);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
