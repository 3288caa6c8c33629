package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Timer events, driven by pinning and moving the engine's clock: catch events, boundary events
 * (interrupting, and non-interrupting cycles), timer start events and their replacement by a new
 * version, and timer values that cannot be read.
 */
@ExtendWith(EngineUnderTest.class)
class TimerConformanceTest {

    private final CamundaClient client;
    private Instant now;

    TimerConformanceTest(CamundaClient client) {
        this.client = client;
    }

    @BeforeEach
    void pinClock() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        client.newPinClockCommand().time(now).send().join();
    }

    @AfterEach
    void resetClock() {
        client.newResetClockCommand().send().join();
    }

    private void moveClockTo(Duration sinceStart) {
        client.newPinClockCommand().time(now.plus(sinceStart)).send().join();
    }

    @Test
    void aTimerCatchEventWaitsForItsDurationThenTheFlowGoesOn() {
        String id = Conformance.unique("grace-wait");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .intermediateCatchEvent("grace-period", event -> event.name("Grace period").timerWithDuration("PT72H"))
                .serviceTask("send-notice", task -> task.zeebeJobType(id + "-notice"))
                .endEvent()
                .done());
        long instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join().getProcessInstanceKey();

        moveClockTo(Duration.ofHours(71));
        assertThat(Conformance.activate(client, id + "-notice", Duration.ofMinutes(1), Duration.ofMillis(500)))
                .as("nothing happens before the timer is due").isEmpty();

        moveClockTo(Duration.ofHours(72));
        Conformance.complete(client, id + "-notice", Map.of());
        Conformance.awaitState(client, instance, "COMPLETED");
    }

    @Test
    void aTimerDateComesFromAFeelExpressionOverTheInstancesVariables() {
        String id = Conformance.unique("due-date");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .intermediateCatchEvent("until-due", event -> event.timerWithDateExpression("reminderAt"))
                .serviceTask("remind", task -> task.zeebeJobType(id + "-remind"))
                .endEvent()
                .done());
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("reminderAt", now.plus(Duration.ofDays(3)).toString())).send().join();

        moveClockTo(Duration.ofDays(2));
        assertThat(Conformance.activate(client, id + "-remind", Duration.ofMinutes(1), Duration.ofMillis(500))).isEmpty();
        moveClockTo(Duration.ofDays(3));
        assertThat(Conformance.activateOne(client, id + "-remind").getElementId()).isEqualTo("remind");
    }

    @Test
    void anInterruptingBoundaryTimerCancelsTheTaskAndTakesItsOwnPath() {
        String id = Conformance.unique("charge-timeout");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("charge", task -> task.zeebeJobType(id + "-charge"))
                .boundaryEvent("no-answer", event -> event.name("No answer from the bank").timerWithDuration("PT10M")
                        .cancelActivity(true))
                .serviceTask("reconcile", task -> task.zeebeJobType(id + "-reconcile"))
                .endEvent()
                .moveToActivity("charge")
                .endEvent()
                .done());
        long instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join().getProcessInstanceKey();
        ActivatedJob charge = Conformance.activateOne(client, id + "-charge");

        moveClockTo(Duration.ofMinutes(10));
        Conformance.complete(client, id + "-reconcile", Map.of());

        Conformance.awaitState(client, instance, "COMPLETED");
        assertThatThrownBy(() -> client.newCompleteCommand(charge).send().join())
                .as("the interrupted task's job is gone")
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).details().getStatus()).isEqualTo(404));
    }

    @Test
    void aNonInterruptingCycleFiresItsRepetitionsWhileTheTaskWaitsAndStopsWhenItEnds() {
        String id = Conformance.unique("reminders");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("await-payment", task -> task.zeebeJobType(id + "-payment"))
                .boundaryEvent("remind", event -> event.name("Remind member").timerWithCycle("R2/P7D").cancelActivity(false))
                .serviceTask("send-reminder", task -> task.zeebeJobType(id + "-reminder"))
                .endEvent("reminded")
                .moveToActivity("await-payment")
                .endEvent("paid")
                .done());
        long instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join().getProcessInstanceKey();

        moveClockTo(Duration.ofDays(7));
        Conformance.complete(client, id + "-reminder", Map.of());
        moveClockTo(Duration.ofDays(14));
        Conformance.complete(client, id + "-reminder", Map.of());
        moveClockTo(Duration.ofDays(21));
        assertThat(Conformance.activate(client, id + "-reminder", Duration.ofMinutes(1), Duration.ofMillis(500)))
                .as("R2 fires twice").isEmpty();

        Conformance.complete(client, id + "-payment", Map.of());
        Conformance.awaitState(client, instance, "COMPLETED");
    }

    @Test
    void aCompletedTaskWithdrawsItsBoundaryTimers() {
        String id = Conformance.unique("paid-in-time");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("await-payment", task -> task.zeebeJobType(id + "-payment"))
                .boundaryEvent("overdue", event -> event.timerWithDuration("P30D"))
                .serviceTask("terminate-coverage", task -> task.zeebeJobType(id + "-terminate"))
                .endEvent()
                .moveToActivity("await-payment")
                .endEvent()
                .done());
        long instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join().getProcessInstanceKey();
        Conformance.complete(client, id + "-payment", Map.of());
        Conformance.awaitState(client, instance, "COMPLETED");

        moveClockTo(Duration.ofDays(31));
        assertThat(Conformance.activate(client, id + "-terminate", Duration.ofMinutes(1), Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void aTimerStartEventStartsAnInstanceAndANewVersionReplacesTheOldVersionsTimer() {
        String id = Conformance.unique("billing-run");
        String type = id + "-bill";
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent("monthly").timerWithDuration("PT1H")
                .serviceTask("bill", task -> task.zeebeJobType(type))
                .endEvent()
                .done());
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent("monthly").timerWithDuration("PT1H")
                .serviceTask("bill", task -> task.name("Bill members").zeebeJobType(type))
                .endEvent()
                .done());

        moveClockTo(Duration.ofHours(2));
        ActivatedJob job = Conformance.activateOne(client, type);
        assertThat(job.getProcessDefinitionVersion()).as("only the latest version's timer fires").isEqualTo(2);
        assertThat(Conformance.activate(client, type, Duration.ofMinutes(1), Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void aProcessWithOnlyATimerStartEventCannotBeStartedByHand() {
        String id = Conformance.unique("only-timer");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent("nightly").timerWithCycle("R/P1D")
                .endEvent()
                .done());

        assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join())
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("none start event");
    }

    @Test
    void aTimerValueThatIsNotADurationRaisesAnIncident() {
        String id = Conformance.unique("bad-duration");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .intermediateCatchEvent("wait", event -> event.timerWithDurationExpression("graceDays"))
                .endEvent()
                .done());
        long instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("graceDays", "thirty")).send().join().getProcessInstanceKey();

        var incident = Conformance.awaitIncident(client, instance);
        assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
        assertThat(incident.getElementId()).isEqualTo("wait");
    }

    @Test
    void aFixedTimerValueThatIsNotADurationFailsTheDeployment() {
        String id = Conformance.unique("typo");
        assertThatThrownBy(() -> Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .intermediateCatchEvent("wait", event -> event.timerWithDuration("30 days"))
                .endEvent()
                .done()))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("wait");
    }

    @Test
    void timersDueWhileNobodyLookedAllFire() {
        String id = Conformance.unique("backlog");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .intermediateCatchEvent("wait", event -> event.timerWithDuration("PT1M"))
                .endEvent()
                .done());
        List<Long> instances = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join()
                        .getProcessInstanceKey())
                .toList();

        moveClockTo(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(instances).allSatisfy(
                key -> assertThat(client.newProcessInstanceGetRequest(key).send().join().getState().name()).isEqualTo("COMPLETED")));
    }

    @Test
    void anActivationRetriedAfterAnIncidentWaitsOnItsBoundaryTimerOnce() {
        String id = Conformance.unique("retried");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .serviceTask("charge", task -> task.zeebeJobTypeExpression("chargeType"))
                .boundaryEvent("slow", event -> event.timerWithDuration("PT1H").cancelActivity(false))
                .serviceTask("remind", task -> task.zeebeJobType(id + "-remind"))
                .endEvent()
                .moveToActivity("charge")
                .endEvent()
                .done());
        long instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join().getProcessInstanceKey();
        var incident = Conformance.awaitIncident(client, instance);

        client.newSetVariablesCommand(instance).variables(Map.of("chargeType", id + "-charge")).send().join();
        client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
        Conformance.activateOne(client, id + "-charge");
        moveClockTo(Duration.ofHours(2));

        Conformance.activateOne(client, id + "-remind");
        assertThat(Conformance.activate(client, id + "-remind", Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .as("the first attempt's timer was withdrawn").isEmpty();
    }
}
