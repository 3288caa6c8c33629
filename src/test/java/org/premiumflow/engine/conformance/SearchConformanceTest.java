package org.premiumflow.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.enums.MessageSubscriptionState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The search API over instances, definitions, elements, variables, jobs and message subscriptions. */
@ExtendWith(EngineUnderTest.class)
class SearchConformanceTest {

    private final CamundaClient client;

    SearchConformanceTest(CamundaClient client) {
        this.client = client;
    }

    private static BpmnModelInstance chargeThenAwaitSettlement(String id) {
        return Bpmn.createExecutableProcess(id)
                .name("Collect premium")
                .startEvent()
                .serviceTask("charge", task -> task.name("Charge AutoPay").zeebeJobType(id + "-charge"))
                .intermediateCatchEvent("settled", event -> event
                        .message(message -> message.name(id + "-settled").zeebeCorrelationKeyExpression("invoiceId")))
                .endEvent()
                .done();
    }

    private long start(String id, String invoiceId) {
        return client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
                .variables(Map.of("invoiceId", invoiceId, "amountDue", 412.37)).send().join().getProcessInstanceKey();
    }

    @Test
    void processInstancesAreFoundByProcessAndStateSortedAndPaged() {
        String id = Conformance.unique("search-instances");
        Conformance.deploy(client, chargeThenAwaitSettlement(id));
        long first = start(id, "INV-1");
        long second = start(id, "INV-2");
        long third = start(id, "INV-3");
        client.newCancelInstanceCommand(second).send().join();

        SearchResponse<ProcessInstance> active = client.newProcessInstanceSearchRequest()
                .filter(filter -> filter.processDefinitionId(id).state(ProcessInstanceState.ACTIVE))
                .sort(sort -> sort.processInstanceKey().desc())
                .page(page -> page.limit(1))
                .send().join();

        assertThat(active.page().totalItems()).isEqualTo(2);
        assertThat(active.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(third);
        assertThat(active.items().get(0).getProcessDefinitionName()).isEqualTo("Collect premium");
        assertThat(client.newProcessInstanceSearchRequest().filter(filter -> filter.processInstanceKey(second)).send().join()
                .items()).extracting(ProcessInstance::getState).containsExactly(ProcessInstanceState.TERMINATED);
        assertThat(first).isLessThan(third);
    }

    @Test
    void variablesJobsElementsAndSubscriptionsOfAnInstanceAreFound() {
        String id = Conformance.unique("search-details");
        Conformance.deploy(client, chargeThenAwaitSettlement(id));
        long instance = start(id, "INV-9");

        assertThat(client.newVariableSearchRequest().filter(filter -> filter.processInstanceKey(instance).name("amountDue"))
                .send().join().items()).singleElement().satisfies(variable -> assertThat(variable.getValue()).isEqualTo("412.37"));
        assertThat(client.newJobSearchRequest().filter(filter -> filter.processInstanceKey(instance).state(JobState.CREATED))
                .send().join().items()).singleElement().satisfies(job -> assertThat(job.getElementId()).isEqualTo("charge"));
        assertThat(client.newElementInstanceSearchRequest()
                .filter(filter -> filter.processInstanceKey(instance).state(ElementInstanceState.ACTIVE))
                .send().join().items()).extracting(ElementInstance::getElementId).contains("charge");

        Conformance.complete(client, id + "-charge", Map.of());

        assertThat(Conformance.activate(client, id + "-charge", java.time.Duration.ofMinutes(1), java.time.Duration.ofMillis(100)))
                .isEmpty();
        assertThat(client.newMessageSubscriptionSearchRequest().filter(filter -> filter.processInstanceKey(instance)
                        .messageSubscriptionState(MessageSubscriptionState.CREATED)).send().join().items())
                .singleElement().satisfies(subscription -> {
                    assertThat(subscription.getMessageName()).isEqualTo(id + "-settled");
                    assertThat(subscription.getCorrelationKey()).isEqualTo("INV-9");
                });
        assertThat(client.newJobSearchRequest().filter(filter -> filter.processInstanceKey(instance)).send().join().items())
                .singleElement().satisfies(job -> assertThat(job.getState()).isEqualTo(JobState.COMPLETED));
        assertThat(client.newElementInstanceSearchRequest()
                .filter(filter -> filter.processInstanceKey(instance).elementId("charge"))
                .send().join().items()).singleElement()
                .satisfies(element -> assertThat(element.getState()).isEqualTo(ElementInstanceState.COMPLETED));
    }

    @Test
    void processDefinitionsAreFoundWithTheirLatestVersionAndTheirXml() {
        String id = Conformance.unique("search-definitions");
        Conformance.deploy(client, chargeThenAwaitSettlement(id));
        Conformance.deploy(client, Bpmn.createExecutableProcess(id).name("Collect premium v2").startEvent().endEvent().done());

        List<ProcessDefinition> latest = client.newProcessDefinitionSearchRequest()
                .filter(filter -> filter.processDefinitionId(id).isLatestVersion(true)).send().join().items();

        assertThat(latest).singleElement().satisfies(definition -> {
            assertThat(definition.getVersion()).isEqualTo(2);
            assertThat(definition.getName()).isEqualTo("Collect premium v2");
        });
        assertThat(client.newProcessDefinitionGetXmlRequest(latest.get(0).getProcessDefinitionKey()).send().join())
                .contains("Collect premium v2");
    }

    @Test
    void anUnknownSortFieldIsRefusedNamingIt() {
        assertThatThrownBy(() -> client.newProcessInstanceSearchRequest().sort(sort -> sort.processDefinitionName().asc())
                .send().join())
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("processDefinitionName");
    }
}
