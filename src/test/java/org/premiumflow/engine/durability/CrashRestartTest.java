package org.premiumflow.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.premiumflow.support.FreePort;

/**
 * Kills the application with SIGKILL while workers complete jobs, starts it again on the same
 * data, and checks that nothing was lost, no job completed twice, and no job was held by two
 * workers at once.
 */
class CrashRestartTest {

    private static final int INSTANCES = 20;
    private static final String PROCESS = "crash-restart";
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    private final Map<Long, Integer> completions = new ConcurrentHashMap<>();
    /** Per job, the engine-time deadline of each activation. */
    private final Map<Long, List<Instant>> deadlines = new ConcurrentHashMap<>();

    @Test
    void aKilledApplicationLosesNothingAndRepeatsNothingAfterRestart() throws Exception {
        int port = FreePort.find();
        Path log = data.resolve("application.log");
        List<Long> instances = new ArrayList<>();

        ApplicationProcess first = ApplicationProcess.start(port, data.resolve("postgres"), log);
        try (CamundaClient client = client(first)) {
            client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(PROCESS)
                    .startEvent()
                    .serviceTask("charge", task -> task.zeebeJobType("crash-charge"))
                    .serviceTask("receipt", task -> task.zeebeJobType("crash-receipt"))
                    .endEvent()
                    .done(), PROCESS + ".bpmn").send().join();
            for (int i = 0; i < INSTANCES; i++) {
                instances.add(client.newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion()
                        .variables(Map.of("n", i)).send().join().getProcessInstanceKey());
            }
            AtomicBoolean crashed = new AtomicBoolean();
            // kill it half way through the forty jobs
            CountDownLatch someWorkDone = new CountDownLatch(INSTANCES);
            Thread workers = new Thread(() -> work(client, crashed, someWorkDone));
            workers.start();
            assertThat(someWorkDone.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("workers made progress").isTrue();
            first.kill();
            crashed.set(true);
            workers.join();
        }

        ApplicationProcess second = ApplicationProcess.start(port, data.resolve("postgres"), log);
        assertThat(Files.readString(log)).as("the killed application's PostgreSQL was found and stopped")
                .contains("left running by a premiumflow that did not stop cleanly");
        try (CamundaClient client = client(second)) {
            // Jobs held by workers of the killed application time out: move the engine clock past their deadlines.
            client.newPinClockCommand().time(Instant.now().plus(Duration.ofMinutes(1))).send().join();
            Instant deadline = Instant.now().plusSeconds(60);
            while (!allCompleted(client, instances) && Instant.now().isBefore(deadline)) {
                workOnce(client, "crash-charge");
                workOnce(client, "crash-receipt");
            }
            assertThat(allCompleted(client, instances)).as("every instance started before the crash completes").isTrue();
        } finally {
            second.stop();
        }
        assertThat(completions.values()).as("no job was completed twice").allMatch(count -> count == 1);
        assertThat(completions).as("two jobs per instance").hasSize(2 * INSTANCES);
        deadlines.forEach((job, activations) -> {
            for (int i = 1; i < activations.size(); i++) {
                Instant handedOutAgain = activations.get(i).minus(JOB_TIMEOUT);
                assertThat(handedOutAgain).as("job " + job + " handed out again only after its previous deadline")
                        .isAfterOrEqualTo(activations.get(i - 1));
            }
        });
    }

    private void work(CamundaClient client, AtomicBoolean crashed, CountDownLatch progress) {
        while (!crashed.get()) {
            try {
                int completed = workOnce(client, "crash-charge") + workOnce(client, "crash-receipt");
                for (int i = 0; i < completed; i++) {
                    progress.countDown();
                }
            } catch (RuntimeException connectionLost) {
                if (!crashed.get()) {
                    connectionLost.printStackTrace();
                }
            } catch (Throwable failure) {
                failure.printStackTrace();
                throw failure;
            }
        }
    }

    /** Activates a few jobs and completes them; returns how many completed. */
    private int workOnce(CamundaClient client, String type) {
        List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(3).timeout(JOB_TIMEOUT)
                .requestTimeout(Duration.ofMillis(300)).send().join().getJobs();
        int completed = 0;
        for (ActivatedJob job : jobs) {
            deadlines.computeIfAbsent(job.getKey(), key -> new ArrayList<>()).add(Instant.ofEpochMilli(job.getDeadline()));
            try {
                client.newCompleteCommand(job).send().join();
                completions.merge(job.getKey(), 1, Integer::sum);
                completed++;
            } catch (ProblemException alreadyDone) {
                assertThat(alreadyDone.code()).isEqualTo(404);
            }
        }
        return completed;
    }

    private static boolean allCompleted(CamundaClient client, List<Long> instances) {
        return instances.stream().allMatch(key ->
                client.newProcessInstanceGetRequest(key).send().join().getState().name().equals("COMPLETED"));
    }

    private static CamundaClient client(ApplicationProcess application) {
        return CamundaClient.newClientBuilder().restAddress(application.restAddress()).preferRestOverGrpc(true)
                .defaultRequestTimeout(Duration.ofSeconds(10)).build();
    }
}
