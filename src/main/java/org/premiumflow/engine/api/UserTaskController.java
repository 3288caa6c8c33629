package org.premiumflow.engine.api;

import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskSearchQueryResult;
import io.camunda.client.protocol.rest.UserTaskStateEnum;
import java.time.OffsetDateTime;
import org.premiumflow.engine.ConditionalOnEmbeddedEngine;
import org.premiumflow.engine.runtime.UserTaskRow;
import org.premiumflow.engine.runtime.UserTaskStore;
import org.premiumflow.engine.runtime.UserTasks;
import org.premiumflow.engine.search.SearchResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User tasks for task lists: search, read, form, assignment and completion. */
@RestController
@ConditionalOnEmbeddedEngine
class UserTaskController {

    private final UserTasks userTasks;

    UserTaskController(UserTasks userTasks) {
        this.userTasks = userTasks;
    }

    @PostMapping("/v2/user-tasks/search")
    UserTaskSearchQueryResult search(@RequestBody(required = false) String body) {
        SearchResult<UserTaskRow> found = userTasks.search(SearchRequests.read(body));
        return new UserTaskSearchQueryResult()
                .items(found.items().stream().map(UserTaskController::result).toList())
                .page(SearchController.page(found));
    }

    @GetMapping("/v2/user-tasks/{key}")
    UserTaskResult get(@PathVariable String key) {
        return result(userTasks.get(Keys.parse("userTaskKey", key)));
    }

    @GetMapping("/v2/user-tasks/{key}/form")
    FormResult form(@PathVariable String key) {
        UserTaskStore.FormSchema form = userTasks.form(Keys.parse("userTaskKey", key));
        return new FormResult().formKey(Keys.text(form.key())).formId(form.formId()).version((long) form.version())
                .tenantId(form.tenantId()).schema(form.schema());
    }

    @PostMapping("/v2/user-tasks/{key}/assignment")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void assign(@PathVariable String key, @RequestBody String body) {
        JsonBody request = JsonBody.read(body);
        Object allowOverride = request.flagOrNull("allowOverride");
        userTasks.assign(Keys.parse("userTaskKey", key), request.text("assignee"), allowOverride == null || (Boolean) allowOverride);
    }

    @DeleteMapping("/v2/user-tasks/{key}/assignee")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unassign(@PathVariable String key) {
        userTasks.unassign(Keys.parse("userTaskKey", key));
    }

    @PostMapping("/v2/user-tasks/{key}/completion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@PathVariable String key, @RequestBody(required = false) String body) {
        userTasks.complete(Keys.parse("userTaskKey", key), JsonBody.read(body).object("variables"));
    }

    private static UserTaskResult result(UserTaskRow task) {
        return new UserTaskResult()
                .userTaskKey(Keys.text(task.key()))
                .name(task.name())
                .state(UserTaskStateEnum.fromValue(task.state()))
                .assignee(task.assignee())
                .elementId(task.elementId())
                .elementInstanceKey(Keys.text(task.elementInstanceKey()))
                .candidateGroups(task.candidateGroups())
                .candidateUsers(task.candidateUsers())
                .processDefinitionId(task.bpmnProcessId())
                .processDefinitionKey(Keys.text(task.processDefinitionKey()))
                .processDefinitionVersion(task.processVersion())
                .processInstanceKey(Keys.text(task.processInstanceKey()))
                .rootProcessInstanceKey(Keys.text(task.rootProcessInstanceKey()))
                .creationDate(text(task.creationDate()))
                .completionDate(text(task.completionDate()))
                .dueDate(text(task.dueDate()))
                .followUpDate(text(task.followUpDate()))
                .priority(task.priority())
                .formKey(task.formKey() == null ? null : Keys.text(task.formKey()))
                .externalFormReference(task.externalFormReference())
                .tenantId(task.tenantId());
    }

    private static String text(OffsetDateTime date) {
        return date == null ? null : date.toString();
    }
}
