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
import org.premiumflow.support.FreePort;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs N instances of a three-service-task process on the embedded engine with in-process
 * workers (the Camunda client over HTTP), and prints jobs/s and instance latency percentiles next
 * to a raw PostgreSQL baseline measured in the same run on the same database, then runs the same
 * load once more with the workers calling the engine's services directly.
 *
 * <pre>./mvnw -Pbenchmark verify -Dbenchmark.instances=3000</pre>
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
        int port = FreePort.find();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PremiumflowApplication.class)
                .run("--server.port=" + port, "--spring.main.banner-mode=off", "--logging.level.root=warn",
                        "--premiumflow.embedded.postgres.ephemeral=true", "--server.tomcat.threads.max=64",
                        "--spring.datasource.hikari.maximum-pool-size=32");
             CamundaClient client = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
                     .preferRestOverGrpc(true).numJobWorkerExecutionThreads(workerThreads).build()) {
            double baseline = postgresBaseline(app.getBean(DataSource.class), 5000, 8);
            client.newDeployResourceCommand().addProcessModel(threeTasks(PROCESS, "bench-"), PROCESS + ".bpmn").send().join();

            Map<Long, Long> started = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(instances);
            AtomicLong jobs = new AtomicLong();
            List<JobWorker> workers = new ArrayList<>();
            for (String type : List.of("bench-issue", "bench-charge", "bench-receipt")) {
                boolean last = type.equals("bench-receipt");
                workers.add(client.newWorker().jobType(type).handler((jobClient, job) -> {
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
                    long key = client.newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion().send().join()
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
            System.out.printf("%nEngine benchmark: %d instances x 3 service tasks, %d worker threads, 2 cores%n", instances, workerThreads);
            System.out.printf("  finished:            %s%n", finished ? "yes" : "NO (timed out)");
            System.out.printf("  total time:          %.1f s%n", seconds);
            System.out.printf("  jobs/s:              %.0f%n", jobs.get() / seconds);
            System.out.printf("  instances/s:         %.0f%n", instances / seconds);
            System.out.printf("  instance latency:    p50 %d ms, p99 %d ms%n", percentile(sorted, 50), percentile(sorted, 99));
            System.out.printf("  PostgreSQL baseline: %.0f single-row committed inserts/s (8 connections, same database)%n", baseline);
            System.out.printf("  jobs/s per baseline insert/s: %.2f%n", jobs.get() / seconds / baseline);

            double direct = withoutHttp(app, client, instances, workerThreads);
            System.out.printf("  without HTTP:        %.0f jobs/s (the same work calling the engine's services directly,%n"
                    + "                       which shows what the HTTP round trips cost)%n%n", direct);
        }
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
        ExecutorService workers = Executors.newFixedThreadPool(workerThreads);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        long begin = System.nanoTime();
        for (int w = 0; w < workerThreads; w++) {
            String type = List.of("direct-issue", "direct-charge", "direct-receipt").get(w % 3);
            running.add(workers.submit(() -> {
                while (completed.get() < total) {
                    for (ActivatedJob job : jobService.activate(new Jobs.Activation(type, "direct", Duration.ofMinutes(5), 32,
                            List.of(), Duration.ofMillis(50)))) {
                        jobService.complete(job.job().key(), Map.of());
                        completed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (var future : running) {
            future.get();
        }
        workers.shutdown();
        return total / ((System.nanoTime() - begin) / 1e9);
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return TimeUnit.NANOSECONDS.toMillis(sorted.get(Math.max(0, index)));
    }

    /** Committed single-row inserts per second over several connections: what the disk and PostgreSQL allow. */
    private static double postgresBaseline(DataSource dataSource, int rows, int threads) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create temporary table if not exists baseline_probe (id bigint, note text)");
            statement.execute("create table if not exists public.baseline_probe (id bigint, note text)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        long begin = System.nanoTime();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement("insert into public.baseline_probe values (?, 'x')")) {
                    connection.setAutoCommit(true);
                    long id;
                    while ((id = next.incrementAndGet()) <= rows) {
                        insert.setLong(1, id);
                        insert.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - begin) / 1e9;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop table public.baseline_probe");
        }
        return rows / seconds;
    }
}
