package org.premiumflow.support;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.util.List;

/** What an operator sees in the engine of one member's processes: where they went and the tasks open for caseworkers. */
public final class MemberProcesses {

    private final CamundaClient client;
    private final String memberId;

    public MemberProcesses(CamundaClient client, String memberId) {
        this.client = client;
        this.memberId = memberId;
    }

    /** Every process instance that holds the member's id, whichever process it runs. */
    public List<Long> instances() {
        return client.newVariableSearchRequest().filter(variable -> variable.name("memberId"))
                // Every process of every test in a context holds a memberId: the default page of 100 falls short.
                .page(page -> page.limit(10_000)).send().join().items().stream()
                .filter(variable -> variable.getValue().equals("\"" + memberId + "\""))
                .map(variable -> variable.getProcessInstanceKey()).distinct().toList();
    }

    /** Whether one of the member's processes has reached the element, an end event say. */
    public boolean reached(String elementId) {
        return instances().stream().anyMatch(instance -> !client.newElementInstanceSearchRequest()
                .filter(element -> element.processInstanceKey(instance).elementId(elementId)).send().join().items().isEmpty());
    }

    /** Waits for the member's processes to reach the element. */
    public void awaitReached(String elementId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> reached(elementId));
    }

    /** Waits for one of the member's processes to wait at the element: a task, a catch event. */
    public void awaitWaitingAt(String elementId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> instances().stream().anyMatch(instance -> !client
                .newElementInstanceSearchRequest()
                .filter(element -> element.processInstanceKey(instance).elementId(elementId).state(ElementInstanceState.ACTIVE))
                .send().join().items().isEmpty()));
    }

    /** Waits for open user tasks of the element in the member's processes. */
    public List<UserTask> awaitTasks(String elementId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> instances().stream()
                .flatMap(instance -> client.newUserTaskSearchRequest()
                        .filter(task -> task.processInstanceKey(instance).elementId(elementId).state(UserTaskState.CREATED))
                        .send().join().items().stream())
                .toList(), tasks -> !tasks.isEmpty());
    }
}
