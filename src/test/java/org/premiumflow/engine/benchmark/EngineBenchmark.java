package org.premiumflow.engine.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.premiumflow.PremiumflowApplication;
import org.premiumflow.engine.runtime.ActivatedJob;
import org.premiumflow.engine.runtime.Jobs;
import org.premiumflow.engine.runtime.ProcessInstances;
import org.premiumflow.engine.runtime.WaitingActivations;
import org.premiumflow.support.FreePort;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs N instances of a three-service-task process on the embedded engine with in-process
 * workers (the Camunda client over HTTP), and prints jobs/s and instance latency percentiles next
 * to a raw PostgreSQL baseline measured in the same run on the same database, then runs the same
 * load once more with the workers calling the engine's services directly.
 *
 * <p>The first rounds warm the JVM up and are reported but not counted: a cold JIT roughly halves
 * the HTTP figures for the first half minute, which is not what a long-running node sees. The
 * figure to quote is the median of the measured rounds.
 *
 * <p>It then correlates one message each to {@code benchmark.waitingInstances} (10,000) instances
 * waiting at a message catch event and prints messages/s.
 *
 * <pre>./mvnw -Pbenchmark verify -Dbenchmark.instances=3000 [-Dbenchmark.warmups=1 -Dbenchmark.rounds=3]</pre>
 */
public final class EngineBenchmark {

    private static final String PROCESS = "benchmark-three-tasks";
    private static final String DIRECT_PROCESS = "benchmark-three-tasks-direct";

    private static BpmnModelInstance threeTasks(String id, String typePrefix) {
        return Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("issue", task -> task.zeebeJobType(typePrefix + "issue"))
                .serviceTask("charge", task -> task.zeebeJobType(typePrefix + "charge"))
                .serviceTask("receipt", task -> task.zeebeJobType(typePrefix + "receipt"))
                .endEvent()
                .done();
    }

    public static void main(String[] args) throws Exception {
        int instances = Integer.getInteger("benchmark.instances", 2000);
        int workerThreads = Integer.getInteger("benchmark.workerThreads", 8);
        int warmups = Integer.getInteger("benchmark.warmups", 1);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        int port = FreePort.find();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PremiumflowApplication.class)
                .run("--server.port=" + port, "--spring.main.banner-mode=off", "--logging.level.root=warn",
                        "--premiumflow.embedded.postgres.ephemeral=true", "--server.tomcat.threads.max=64",
                        "--spring.datasource.hikari.maximum-pool-size=32");
             CamundaClient client = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
                     .preferRestOverGrpc(true).numJobWorkerExecutionThreads(workerThreads).build()) {
            double baseline = postgresBaseline(app.getBean(DataSource.class), 5000, 8);
            System.out.printf("%nEngine benchmark: %d instances x 3 service tasks per round, %d worker threads, %d cores%n",
                    instances, workerThreads, Runtime.getRuntime().availableProcessors());
            System.out.printf("  PostgreSQL baseline: %.0f single-row committed inserts/s (8 connections, same database)%n", baseline);
            List<Round> measured = new ArrayList<>();
            for (int round = 1; round <= warmups + rounds; round++) {
                boolean warmup = round <= warmups;
                Round result = overHttp(client, instances, "round" + round);
                System.out.printf("  %s %d: %s%n", warmup ? "warm-up" : "round  ", round, result);
                if (!warmup) {
                    measured.add(result);
                }
            }
            if (!measured.isEmpty()) {
                Round median = measured.stream().sorted(java.util.Comparator.comparingDouble(Round::jobsPerSecond))
                        .toList().get(measured.size() / 2);
                System.out.printf("  median of %d rounds:  %s%n", measured.size(), median);
            }
            double direct = withoutHttp(app, client, instances, workerThreads);
            System.out.printf("  without HTTP:        %.0f jobs/s (the same work calling the engine's services directly,%n"
                    + "                       which shows what the HTTP round trips cost)%n", direct);
            httpCeiling(client, 8, Duration.ofSeconds(10));
            int waiting = Integer.getInteger("benchmark.waitingInstances", 10_000);
            double messages = messageCorrelation(app, client, waiting, workerThreads);
            System.out.printf("  message correlation: %.0f messages/s (%d instances waiting at a message catch event, one message%n"
                    + "                       each published through the client, %d threads; each publish returns once correlated)%n",
                    messages, waiting, workerThreads);
            double requests = httpCeiling(client, 8, Duration.ofSeconds(10));
            double minimalJobs = postgresMinimalJobs(app.getBean(DataSource.class), 20_000, 8);
            System.out.printf("%n  Ceilings of this machine, each measured alone with both cores to itself:%n");
            System.out.printf("  HTTP:       %.0f requests/s through the Camunda client (topology, no database)%n", requests);
            System.out.printf("  PostgreSQL: %.0f transactions/s holding only a job's minimal writes (2 updates, 2 inserts)%n",
                    minimalJobs);
            System.out.printf("  At 1,500 jobs/s (4 requests per 3 jobs) HTTP alone would need %.0f%% of the machine and the%n"
                    + "  minimal database writes %.0f%%, before any engine logic.%n%n",
                    100 * 1500 * 4.0 / 3 / requests, 100 * 1500 / minimalJobs);
        }
    }

    /** One measured run: jobs per second over the whole round, and start-to-end latency of each instance. */
    record Round(boolean finished, double seconds, double jobsPerSecond, long p50Millis, long p99Millis) {
        @Override
        public String toString() {
            return String.format("%.0f jobs/s, %.1f s, instance latency p50 %d ms, p99 %d ms%s", jobsPerSecond, seconds,
                    p50Millis, p99Millis, finished ? "" : " (NOT FINISHED: timed out)");
        }
    }

    /**
     * Starts all instances at once from four threads and works them with client job workers, so
     * the latency includes the time an instance waits behind the others.
     */
    private static Round overHttp(CamundaClient client, int instances, String round) throws InterruptedException {
        String process = PROCESS + "-" + round;
        String prefix = round + "-";
        client.newDeployResourceCommand().addProcessModel(threeTasks(process, prefix), process + ".bpmn").send().join();
        Map<Long, Long> started = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(instances);
        AtomicLong jobs = new AtomicLong();
        List<JobWorker> workers = new ArrayList<>();
        for (String task : List.of("issue", "charge", "receipt")) {
            boolean last = task.equals("receipt");
            workers.add(client.newWorker().jobType(prefix + task).handler((jobClient, job) -> {
                jobClient.newCompleteCommand(job).send().join();
                jobs.incrementAndGet();
                if (last) {
                    Long start = started.get(job.getProcessInstanceKey());
                    latencies.add(System.nanoTime() - (start == null ? System.nanoTime() : start));
                    done.countDown();
                }
            }).maxJobsActive(64).pollInterval(Duration.ofMillis(10)).timeout(Duration.ofMinutes(5)).open());
        }
        long begin = System.nanoTime();
        ExecutorService starters = Executors.newFixedThreadPool(4);
        for (int i = 0; i < instances; i++) {
            starters.submit(() -> {
                long at = System.nanoTime();
                long key = client.newCreateInstanceCommand().bpmnProcessId(process).latestVersion().send().join()
                        .getProcessInstanceKey();
                started.put(key, at);
            });
        }
        starters.shutdown();
        boolean finished = done.await(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - begin) / 1e9;
        workers.forEach(JobWorker::close);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Round(finished, seconds, jobs.get() / seconds, percentile(sorted, 50), percentile(sorted, 99));
    }

    /**
     * The same process shape and load, with workers calling the engine's job service in-process
     * instead of the REST API. Its own job types: the closed HTTP workers' last long polls may still
     * be waiting on the server and would otherwise take jobs nobody completes.
     */
    private static double withoutHttp(ConfigurableApplicationContext app, CamundaClient client, int instances,
                                      int workerThreads) throws Exception {
        ProcessInstances processInstances = app.getBean(ProcessInstances.class);
        Jobs jobService = app.getBean(Jobs.class);
        WaitingActivations waiting = app.getBean(WaitingActivations.class);
        client.newDeployResourceCommand().addProcessModel(threeTasks(DIRECT_PROCESS, "direct-"), DIRECT_PROCESS + ".bpmn")
                .send().join();
        ExecutorService starters = Executors.newFixedThreadPool(4);
        for (int i = 0; i < instances; i++) {
            starters.submit(() -> processInstances.start(
                    new ProcessInstances.Start(null, DIRECT_PROCESS, null, "<default>", Map.of())));
        }
        starters.shutdown();
        starters.awaitTermination(30, TimeUnit.MINUTES);
        AtomicLong completed = new AtomicLong();
        long total = 3L * instances;
        double seconds = onThreads(workerThreads, worker -> {
            String type = List.of("direct-issue", "direct-charge", "direct-receipt").get(worker % 3);
            while (completed.get() < total) {
                java.util.concurrent.CompletableFuture<List<ActivatedJob>> next = new java.util.concurrent.CompletableFuture<>();
                waiting.open(new Jobs.Activation(type, "direct", Duration.ofMinutes(5), 32, List.of(), Duration.ofMillis(50)),
                        next::complete);
                for (ActivatedJob job : next.get()) {
                    jobService.complete(job.job().key(), Map.of());
                    completed.incrementAndGet();
                }
            }
        });
        return total / seconds;
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return TimeUnit.NANOSECONDS.toMillis(sorted.get(Math.max(0, index)));
    }

    /**
     * Messages per second correlated to instances that wait at a message catch event, each with
     * its own correlation key. The instances are started beforehand, in-process, and not timed.
     */
    private static double messageCorrelation(ConfigurableApplicationContext app, CamundaClient client, int waiting, int threads)
            throws Exception {
        String process = "benchmark-await-settlement";
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(process)
                .startEvent()
                .intermediateCatchEvent("settled", event -> event
                        .message(message -> message.name("benchmark-settled").zeebeCorrelationKeyExpression("invoiceId")))
                .endEvent()
                .done(), process + ".bpmn").send().join();
        ProcessInstances processInstances = app.getBean(ProcessInstances.class);
        AtomicLong started = new AtomicLong();
        onThreads(4, thread -> {
            long index;
            while ((index = started.getAndIncrement()) < waiting) {
                processInstances.start(new ProcessInstances.Start(null, process, null, "<default>", Map.of("invoiceId", "INV-" + index)));
            }
        });
        AtomicLong published = new AtomicLong();
        double seconds = onThreads(threads, thread -> {
            long index;
            while ((index = published.getAndIncrement()) < waiting) {
                client.newPublishMessageCommand().messageName("benchmark-settled").correlationKey("INV-" + index).send().join();
            }
        });
        long stillWaiting = client.newProcessInstanceSearchRequest()
                .filter(filter -> filter.processDefinitionId(process).state(io.camunda.client.api.search.enums.ProcessInstanceState.ACTIVE))
                .send().join().page().totalItems();
        if (stillWaiting > 0) {
            System.out.printf("  WARNING: %d instances still wait for their message%n", stillWaiting);
        }
        return waiting / seconds;
    }

    /**
     * Requests per second that carry no engine work at all: the client and server HTTP stacks
     * alone. Run twice, the first time to let the JIT settle on this request.
     */
    private static double httpCeiling(CamundaClient client, int threads, Duration duration) throws Exception {
        AtomicLong requests = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        double seconds = onThreads(threads, thread -> {
            while (System.nanoTime() < end) {
                client.newTopologyRequest().send().join();
                requests.incrementAndGet();
            }
        });
        return requests.get() / seconds;
    }

    /**
     * Transactions per second that do only what completing a job and entering the next task must
     * write: end the job and its element, insert the next element and its job. No engine logic.
     */
    private static double postgresMinimalJobs(DataSource dataSource, int jobs, int threads) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table public.ceiling_element (element_key bigint primary key, state text, scope_key bigint)");
            statement.execute("create table public.ceiling_job (job_key bigint primary key, state text, type text, headers jsonb)");
        }
        AtomicLong next = new AtomicLong();
        double seconds = onThreads(threads, thread -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement endJob = connection.prepareStatement("update public.ceiling_job set state = 'COMPLETED' where job_key = ?");
                 PreparedStatement endElement = connection.prepareStatement(
                         "update public.ceiling_element set state = 'COMPLETED' where element_key = ?");
                 PreparedStatement element = connection.prepareStatement(
                         "insert into public.ceiling_element values (?, 'ACTIVATED', 1)");
                 PreparedStatement job = connection.prepareStatement(
                         "insert into public.ceiling_job values (?, 'ACTIVATABLE', 'charge', '{}')")) {
                connection.setAutoCommit(false);
                long last = -1 - thread;
                long key;
                while ((key = next.incrementAndGet()) <= jobs) {
                    endJob.setLong(1, last);
                    endJob.executeUpdate();
                    endElement.setLong(1, last);
                    endElement.executeUpdate();
                    element.setLong(1, key);
                    element.executeUpdate();
                    job.setLong(1, key);
                    job.executeUpdate();
                    connection.commit();
                    last = key;
                }
            }
        });
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop table public.ceiling_element, public.ceiling_job");
        }
        return jobs / seconds;
    }

    /** Committed single-row inserts per second over several connections: what the disk and PostgreSQL allow. */
    private static double postgresBaseline(DataSource dataSource, int rows, int threads) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create temporary table if not exists baseline_probe (id bigint, note text)");
            statement.execute("create table if not exists public.baseline_probe (id bigint, note text)");
        }
        AtomicLong next = new AtomicLong();
        double seconds = onThreads(threads, thread -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("insert into public.baseline_probe values (?, 'x')")) {
                connection.setAutoCommit(true);
                long id;
                while ((id = next.incrementAndGet()) <= rows) {
                    insert.setLong(1, id);
                    insert.executeUpdate();
                }
            }
        });
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop table public.baseline_probe");
        }
        return rows / seconds;
    }

    private interface Work {
        void run(int thread) throws Exception;
    }

    /** Runs the work on that many threads at once and answers how many seconds it took. */
    private static double onThreads(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        long begin = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                work.run(thread);
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
        return (System.nanoTime() - begin) / 1e9;
    }
}
