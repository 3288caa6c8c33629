package org.premiumflow.billing.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.premiumflow.PremiumflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the embedded engine alone can do with the premium collection process on this machine: the
 * same model, engine, PostgreSQL and Camunda client as {@link BillingRunBenchmark}, on the same
 * days, but with workers that complete each job at once with the variables the real worker would
 * return, and the collections started by publishing their start message directly. No invoice,
 * notice, payment or settlement check is written. The figure is an upper bound for the billing
 * benchmark: however little the real workers cost, a month's collections cannot go faster than the
 * engine runs their process. Run with {@code ./mvnw -Pbilling-benchmark verify}.
 */
public final class CollectionProcessCeiling {

    private static final Instant RUN_DAY = Instant.parse("2026-12-10T11:00:00Z");
    private static final Instant DRAFT_DAY = Instant.parse("2026-12-23T12:00:00Z");
    private static final Instant SETTLED_BY = Instant.parse("2026-12-28T15:00:00Z");
    private static final int PUBLISHERS = 4;

    private CollectionProcessCeiling() {
    }

    public static void main(String[] args) throws InterruptedException {
        int members = Integer.getInteger("benchmark.members", 1000);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PremiumflowApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn",
                        "--premiumflow.embedded.postgres.ephemeral=true", "--premiumflow.demo-members=false",
                        "--camunda.client.worker.defaults.enabled=false", "--server.tomcat.threads.max=64",
                        "--spring.datasource.hikari.maximum-pool-size=32")) {
            CamundaClient client = app.getBean(CamundaClient.class);
            client.newPinClockCommand().time(RUN_DAY).send().join();
            Map<String, AtomicInteger> completed = openWorkers(client);

            long start = System.nanoTime();
            publish(members, invoiceId -> client.newPublishMessageCommand().messageName("invoice-issued")
                    .correlationKey("invoice-" + invoiceId).messageId("invoice-issued:" + invoiceId)
                    .timeToLive(Duration.ofDays(1)).variables(plan(invoiceId)).send().join());
            await(completed.get("send-notice"), members);
            double billed = seconds(start);

            client.newPinClockCommand().time(DRAFT_DAY).send().join();
            long drafting = System.nanoTime();
            await(completed.get("draft-autopay"), members);
            double drafted = seconds(drafting);

            client.newPinClockCommand().time(SETTLED_BY).send().join();
            long settling = System.nanoTime();
            publish(members, invoiceId -> client.newPublishMessageCommand().messageName("payment-settled")
                    .correlationKey(paymentKey(invoiceId)).send().join());
            await(completed.get("send-receipt"), members);
            double settled = seconds(settling);

            double total = billed + drafted + settled;
            System.out.printf("%nCollection process ceiling: %d members, workers that do nothing, %d cores%n", members,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  started and billed %.1f s, reminded and drafted %.1f s, settled and receipted %.1f s%n",
                    billed, drafted, settled);
            System.out.printf("  total:        %.1f s for %d members: %.0f members/s, the most the billing benchmark can reach%n%n",
                    total, members, members / total);
        }
    }

    /** The start message's variables, as the billing run's plan for a member on AutoPay has them. */
    private static Map<String, Object> plan(int invoiceId) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("invoiceId", invoiceId);
        variables.put("memberId", String.format("M-%07d", invoiceId));
        variables.put("coverageMonth", "2027-01");
        variables.put("dueAmount", "211.25");
        variables.put("dueDate", "2026-12-23");
        variables.put("paidInFull", false);
        variables.put("reminderAt", "2026-12-18T14:00:00Z");
        variables.put("dueAt", "2026-12-24T05:00:00Z");
        variables.put("autopayDraftDate", "2026-12-23");
        variables.put("autopayMethod", "checking account ending 6789");
        variables.put("draftAt", "2026-12-23T11:00:00Z");
        return variables;
    }

    private static String paymentKey(long invoiceId) {
        return "payment-" + invoiceId;
    }

    /** One worker per job type of the model, completing each job at once, counting what completed. */
    private static Map<String, AtomicInteger> openWorkers(CamundaClient client) {
        Map<String, Function<ActivatedJob, Map<String, Object>>> results = Map.of(
                "send-notice", job -> Map.of(),
                "check-invoice", job -> Map.of("paidInFull", false, "dueAmount", "211.25"),
                "draft-autopay", job -> Map.of("draftOutcome", "PENDING", "draftReason", "",
                        "paymentKey", paymentKey(((Number) job.getVariablesAsMap().get("invoiceId")).longValue())),
                "send-receipt", job -> Map.of("returnWindowEndsAt", "2027-02-25T05:00:00Z"));
        Map<String, AtomicInteger> completed = new LinkedHashMap<>();
        results.forEach((type, result) -> {
            AtomicInteger count = new AtomicInteger();
            completed.put(type, count);
            client.newWorker().jobType(type).handler((JobClient jobs, ActivatedJob job) ->
                    jobs.newCompleteCommand(job).variables(result.apply(job)).send().whenComplete((done, failure) -> {
                        if (failure != null) {
                            System.err.println("Completing a " + type + " job failed: " + failure);
                        } else {
                            count.incrementAndGet();
                        }
                    })).open();
        });
        return completed;
    }

    private static void publish(int members, java.util.function.IntConsumer message) throws InterruptedException {
        ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
        List<Runnable> lanes = new ArrayList<>();
        for (int lane = 0; lane < PUBLISHERS; lane++) {
            int first = lane + 1;
            lanes.add(() -> {
                for (int invoiceId = first; invoiceId <= members; invoiceId += PUBLISHERS) {
                    message.accept(invoiceId);
                }
            });
        }
        lanes.forEach(publishers::execute);
        publishers.shutdown();
        publishers.awaitTermination(1, TimeUnit.HOURS);
    }

    private static void await(AtomicInteger done, int target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
        while (done.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not done after an hour: " + done.get() + " of " + target);
            }
            Thread.sleep(50);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
