package org.premiumflow.engine.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.premiumflow.engine.InvalidArgumentException;
import org.premiumflow.engine.InvalidStateException;
import org.premiumflow.engine.NotFoundException;
import org.premiumflow.engine.deployment.DeployedModels;
import org.premiumflow.engine.deployment.DeployedModels.ProcessVersion;

/** Starting, watching, cancelling process instances and setting their variables. */
public final class ProcessInstances {

    private final Commands commands;
    private final RuntimeStore store;
    private final DeployedModels models;
    private final Wakeups<Long> processEnds;

    public ProcessInstances(Commands commands, RuntimeStore store, DeployedModels models, Wakeups<Long> processEnds) {
        this.commands = commands;
        this.store = store;
        this.models = models;
        this.processEnds = processEnds;
    }

    /** Which definition to start: by key, or by BPMN process id and version (latest when null). */
    public record Start(Long processDefinitionKey, String bpmnProcessId, Integer version, String tenantId,
                        Map<String, Object> variables) {
    }

    public record Started(long processInstanceKey, ProcessVersion definition) {
    }

    public Started start(Start start) {
        ProcessVersion definition = definition(start);
        if (definition.process().root().noneStartEvent().isEmpty()) {
            throw new InvalidStateException("Expected to create instance of process with none start event, but there is no such event");
        }
        long key = commands.onNewInstance(execution -> execution.startProcessInstance(definition, start.variables(), null));
        return new Started(key, definition);
    }

    /**
     * Waits until the instance has ended or the time is up.
     *
     * @return the instance's variables (only those named, when names are given)
     * @throws AwaitTimeoutException when the instance is still running at the deadline
     */
    public Map<String, Object> awaitEnd(long processInstanceKey, long timeoutMillis, List<String> fetchVariables) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            Wakeups.Ticket ticket = processEnds.ticket(processInstanceKey);
            ProcessInstanceRow row = get(processInstanceKey);
            if (!row.state().equals(ProcessInstanceRow.ACTIVE)) {
                Map<String, Object> variables = new LinkedHashMap<>(store.localVariables(processInstanceKey));
                if (fetchVariables != null && !fetchVariables.isEmpty()) {
                    variables.keySet().retainAll(fetchVariables);
                }
                return variables;
            }
            long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0 || !ticket.await(remaining)) {
                throw new AwaitTimeoutException("Expected to receive the result of process instance '" + processInstanceKey
                        + "' within " + timeoutMillis + " ms, but it had not completed");
            }
        }
    }

    public ProcessInstanceRow get(long processInstanceKey) {
        return store.processInstance(processInstanceKey).orElseThrow(() -> new NotFoundException(
                "Process instance with key '" + processInstanceKey + "' not found"));
    }

    public void cancel(long processInstanceKey) {
        String notFound = "Command 'CANCEL' rejected with code 'NOT_FOUND': Expected to cancel a process instance with key '"
                + processInstanceKey + "', but no such process was found";
        commands.onInstance(processInstanceKey, notFound, execution -> {
            ProcessInstanceRow row = store.processInstance(processInstanceKey).orElseThrow();
            if (!row.state().equals(ProcessInstanceRow.ACTIVE)) {
                throw new NotFoundException(notFound);
            }
            if (row.parentProcessInstanceKey() != null) {
                throw new InvalidArgumentException("Expected to cancel a process instance with key '" + processInstanceKey
                        + "', but it is created by a parent process instance. Cancel the root process instance '"
                        + row.rootProcessInstanceKey() + "' instead.");
            }
            execution.terminate(execution.instance(processInstanceKey));
            return null;
        });
    }

    /** Sets variables on an element instance's scope, or merges them upwards from it. */
    public void setVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) {
        String notFound = "Command 'UPDATE' rejected with code 'NOT_FOUND': Expected to update variables for element with key '"
                + elementInstanceKey + "', but no such element was found";
        RuntimeStore.ElementRow row = store.element(elementInstanceKey)
                .filter(element -> !ElementState.valueOf(element.state()).isFinal())
                .orElseThrow(() -> new NotFoundException(notFound));
        commands.onInstance(row.processInstanceKey(), notFound, execution -> {
            ElementInstance instance = execution.instance(elementInstanceKey);
            if (instance.state().isFinal()) {
                throw new NotFoundException(notFound);
            }
            if (local) {
                execution.variables().setLocal(elementInstanceKey, instance.processInstanceKey(), variables);
            } else {
                execution.variables().propagate(elementInstanceKey, instance.processInstanceKey(), variables);
            }
            return null;
        });
    }

    private ProcessVersion definition(Start start) {
        if (start.processDefinitionKey() != null) {
            return models.process(start.processDefinitionKey()).orElseThrow(() -> new NotFoundException(
                    "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with key '"
                            + start.processDefinitionKey() + "', but none found"));
        }
        if (start.bpmnProcessId() == null || start.bpmnProcessId().isBlank()) {
            throw new InvalidArgumentException("No processDefinitionId or processDefinitionKey provided");
        }
        if (start.version() == null || start.version() < 0) {
            return models.latestProcess(start.bpmnProcessId(), start.tenantId()).orElseThrow(() -> new NotFoundException(
                    "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID '"
                            + start.bpmnProcessId() + "', but none found"));
        }
        return models.processVersion(start.bpmnProcessId(), start.version(), start.tenantId()).orElseThrow(() -> new NotFoundException(
                "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID '"
                        + start.bpmnProcessId() + "' and version '" + start.version() + "', but none found"));
    }
}
