package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Camunda user tasks: created with their assignment, dates, priority and form; found, assigned
 * and completed through the API; cancelled with their instance; refused once ended.
 */
@ExtendWith(EngineUnderTest.class)
class UserTaskConformanceTest {

    private final CamundaClient client;

    UserTaskConformanceTest(CamundaClient client) {
        this.client = client;
    }

    private static BpmnModelInstance verification(String id, String formId) {
        return Bpmn.createExecutableProcess(id)
                .startEvent()
                .userTask("verify", task -> task.name("Verify life event").zeebeUserTask()
                        .zeebeCandidateGroups("caseworkers, supervisors")
                        .zeebeDueDateExpression("reportedAt")
                        .zeebeTaskPriority("80")
                        .zeebeFormId(formId))
                .serviceTask("re-rate", task -> task.zeebeJobType(id + "-rerate"))
                .endEvent()
                .done();
    }

    private void deployForm(String formId) {
        client.newDeployResourceCommand().addResourceStringUtf8("""
                {"id": "%s", "type": "default", "schemaVersion": 16,
                 "components": [{"type": "checkbox", "key": "verified", "label": "Documents verified"}]}""".formatted(formId),
                formId + ".form").send().join();
    }

    private long start(String id, Map<String, Object> variables) {
        return client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(variables).send().join()
                .getProcessInstanceKey();
    }

    private UserTask awaitTask(long processInstanceKey) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> client.newUserTaskSearchRequest()
                .filter(filter -> filter.processInstanceKey(processInstanceKey)).send().join().items(), items -> !items.isEmpty())
                .get(0);
    }

    @Test
    void aUserTaskCarriesItsAssignmentDatesPriorityAndFormAndItsCompletionMovesTheFlowOn() {
        String id = Conformance.unique("verify");
        String formId = id + "-form";
        deployForm(formId);
        Conformance.deploy(client, verification(id, formId));
        long instance = start(id, Map.of("reportedAt", "2026-12-15T17:00:00Z"));

        UserTask task = awaitTask(instance);
        assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
        assertThat(task.getName()).isEqualTo("Verify life event");
        assertThat(task.getCandidateGroups()).containsExactly("caseworkers", "supervisors");
        assertThat(task.getDueDate()).isEqualTo(OffsetDateTime.parse("2026-12-15T17:00:00Z"));
        assertThat(task.getPriority()).isEqualTo(80);
        assertThat(client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getSchema()).contains("Documents verified");
        assertThat(client.newUserTaskSearchRequest().filter(filter -> filter.candidateGroup("caseworkers")
                .state(UserTaskState.CREATED)).send().join().items()).extracting(UserTask::getUserTaskKey)
                .contains(task.getUserTaskKey());

        client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("verified", true)).send().join();

        assertThat(Conformance.activateOne(client, id + "-rerate").getVariablesAsMap()).containsEntry("verified", true);
        assertThat(client.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getState()).isEqualTo(UserTaskState.COMPLETED);
        assertThatThrownBy(() -> client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join())
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).details().getStatus()).isEqualTo(409));
    }

    @Test
    void aTaskIsAssignedReassignedOnlyWhenAllowedAndUnassigned() {
        String id = Conformance.unique("assign");
        String formId = id + "-form";
        deployForm(formId);
        Conformance.deploy(client, verification(id, formId));
        long instance = start(id, Map.of("reportedAt", "2026-12-15T17:00:00Z"));
        long task = awaitTask(instance).getUserTaskKey();

        client.newAssignUserTaskCommand(task).assignee("alice").send().join();
        assertThatThrownBy(() -> client.newAssignUserTaskCommand(task).assignee("bob").allowOverride(false).send().join())
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).details().getStatus()).isEqualTo(409));
        assertThat(client.newUserTaskSearchRequest().filter(filter -> filter.assignee("alice")).send().join().items())
                .extracting(UserTask::getUserTaskKey).contains(task);

        client.newUnassignUserTaskCommand(task).send().join();
        assertThat(client.newUserTaskGetRequest(task).send().join().getAssignee()).isNull();
    }

    @Test
    void cancellingTheInstanceCancelsItsTaskWhichThenRefusesCompletion() {
        String id = Conformance.unique("cancel");
        String formId = id + "-form";
        deployForm(formId);
        Conformance.deploy(client, verification(id, formId));
        long instance = start(id, Map.of("reportedAt", "2026-12-15T17:00:00Z"));
        long task = awaitTask(instance).getUserTaskKey();

        client.newCancelInstanceCommand(instance).send().join();

        assertThat(client.newUserTaskGetRequest(task).send().join().getState()).isEqualTo(UserTaskState.CANCELED);
        assertThatThrownBy(() -> client.newCompleteUserTaskCommand(task).send().join())
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).details().getStatus()).isEqualTo(409));
    }

    @Test
    void assignmentMayComeFromFeelAndTasksSortAndPage() {
        String id = Conformance.unique("feel-assign");
        Conformance.deploy(client, Bpmn.createExecutableProcess(id)
                .startEvent()
                .userTask("review", task -> task.zeebeUserTask()
                        .zeebeAssigneeExpression("caseworker")
                        .zeebeCandidateGroupsExpression("[\"region-\" + region]")
                        .zeebeTaskPriorityExpression("urgency"))
                .endEvent()
                .done());
        List<Long> instances = List.of(
                start(id, Map.of("caseworker", "carol", "region", "west", "urgency", 10)),
                start(id, Map.of("caseworker", "carol", "region", "west", "urgency", 90)),
                start(id, Map.of("caseworker", "carol", "region", "west", "urgency", 50)));
        instances.forEach(this::awaitTask);

        List<UserTask> firstPage = client.newUserTaskSearchRequest()
                .filter(filter -> filter.candidateGroup("region-west").elementId("review").bpmnProcessId(id))
                .sort(sort -> sort.priority().desc())
                .page(page -> page.from(0).limit(2))
                .send().join().items();

        assertThat(firstPage).extracting(UserTask::getPriority).containsExactly(90, 50);
        assertThat(firstPage).extracting(UserTask::getAssignee).containsOnly("carol");
    }

    @Test
    void aFormThatWasNeverDeployedRaisesAnIncident() {
        String id = Conformance.unique("no-form");
        Conformance.deploy(client, verification(id, id + "-missing-form"));
        long instance = start(id, Map.of("reportedAt", "2026-12-15T17:00:00Z"));

        assertThat(Conformance.awaitIncident(client, instance).getErrorType()).isEqualTo(IncidentErrorType.FORM_NOT_FOUND);
    }
}
