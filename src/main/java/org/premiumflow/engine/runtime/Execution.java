package org.premiumflow.engine.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.premiumflow.engine.decision.DecisionFailure;
import org.premiumflow.engine.deployment.DeployedModels;
import org.premiumflow.engine.deployment.DeployedModels.ProcessVersion;
import org.premiumflow.engine.expression.ExpressionFailure;
import org.premiumflow.engine.model.ElementType;
import org.premiumflow.engine.model.ExecutableElement;
import org.premiumflow.engine.model.SequenceFlow;
import org.premiumflow.engine.model.TimerSchedule;
import org.premiumflow.engine.model.VariableMapping;
import org.premiumflow.engine.store.History;
import org.premiumflow.engine.store.Keys;

/**
 * One command's run through the BPMN semantics. It holds the lock of the instance tree, takes
 * the steps the command causes one after another (an agenda, first in first out) until every
 * token waits (a job, a join, a called process) or has ended, and writes each change as it goes,
 * all in the command's transaction.
 */
public final class Execution {

    private final RuntimeStore store;
    private final Keys keys;
    private final History history;
    private final DeployedModels models;
    private final Behaviors behaviors;
    private final Variables variables;
    private final Subscriptions subscriptions;
    private final Deque<Runnable> agenda = new ArrayDeque<>();
    private final Map<Long, ElementInstance> instances = new HashMap<>();
    /** Element instances created or changed and not written yet: written in batches before the store is read or the command ends. */
    private final Map<Long, ElementInstance> unsavedNew = new LinkedHashMap<>();
    private final Map<Long, ElementInstance> unsavedChanged = new LinkedHashMap<>();
    private final Set<String> newJobTypes = new LinkedHashSet<>();
    private final Set<Long> endedProcessInstances = new LinkedHashSet<>();
    /** Process instances started at a start event other than the none start event (a timer's). */
    private final Map<Long, ExecutableElement> startEvents = new HashMap<>();

    Execution(RuntimeStore store, Keys keys, History history, DeployedModels models, Behaviors behaviors) {
        this.store = store;
        this.keys = keys;
        this.history = history;
        this.models = models;
        this.behaviors = behaviors;
        this.variables = new Variables(store, keys, history, this::scopeChain);
        this.subscriptions = new Subscriptions(store, keys, history, variables);
    }

    RuntimeStore store() {
        return store;
    }

    Keys keys() {
        return keys;
    }

    History history() {
        return history;
    }

    DeployedModels models() {
        return models;
    }

    Variables variables() {
        return variables;
    }

    /** Opening and closing the timers and message and signal subscriptions element instances wait on. */
    Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Job types that got a new activatable job in this command: their waiting workers are woken after commit. */
    Set<String> newJobTypes() {
        return newJobTypes;
    }

    /** Process instances this command completed or terminated. */
    Set<Long> endedProcessInstances() {
        return endedProcessInstances;
    }

    void jobCreated(String type) {
        newJobTypes.add(type);
    }

    // --- loading -----------------------------------------------------------------------------

    /** The element instance with this key, as this command sees it. */
    ElementInstance instance(long key) {
        ElementInstance loaded = instances.get(key);
        if (loaded != null) {
            return loaded;
        }
        RuntimeStore.LoadedElement loadedRow = store.loadElement(key)
                .orElseThrow(() -> new IllegalStateException("No element instance " + key));
        RuntimeStore.ElementRow row = loadedRow.element();
        ProcessVersion version = models.process(loadedRow.processDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("No process definition " + loadedRow.processDefinitionKey()));
        ElementInstance instance = new ElementInstance(row.key(), row.processInstanceKey(), row.flowScopeKey(),
                version.process().require(row.elementId()), version, ElementState.valueOf(row.state()),
                ElementInstance.MULTI_INSTANCE_BODY.equals(loadedRow.elementType()));
        instances.put(key, instance);
        return instance;
    }

    private List<Long> scopeChain(long scopeKey) {
        List<Long> chain = new ArrayList<>();
        Optional<Long> current = Optional.of(scopeKey);
        while (current.isPresent()) {
            chain.add(current.get());
            current = instance(current.get()).flowScopeKey();
        }
        return chain;
    }

    // --- process instances -------------------------------------------------------------------

    /** Creates a process instance (top-level, or called by a call activity) and queues its start at the none start event. */
    long startProcessInstance(ProcessVersion version, Map<String, Object> startVariables, ElementInstance callActivity) {
        return startProcessInstance(version, startVariables, callActivity, null);
    }

    private long startProcessInstance(ProcessVersion version, Map<String, Object> startVariables, ElementInstance callActivity,
                                      ExecutableElement startEvent) {
        long key = keys.next();
        Long parentProcess = callActivity == null ? null : callActivity.processInstanceKey();
        Long parentElement = callActivity == null ? null : callActivity.key();
        long root = callActivity == null ? key : store.processInstance(callActivity.processInstanceKey()).orElseThrow()
                .rootProcessInstanceKey();
        store.insertProcessInstance(new ProcessInstanceRow(key, version.key(), version.bpmnProcessId(), version.version(),
                version.tenantId(), ProcessInstanceRow.ACTIVE, false, parentProcess, parentElement, root, store.now(), null));
        ElementInstance process = new ElementInstance(key, key, null, version.process().root(), version, ElementState.ACTIVATING);
        created(process);
        record(process, "ELEMENT_ACTIVATING");
        variables.setLocal(key, key, startVariables);
        if (startEvent != null) {
            startEvents.put(key, startEvent);
        }
        agenda.add(() -> activateStep(process));
        return key;
    }

    /** The start event a process or sub-process instance begins at. */
    ExecutableElement startEventOf(ElementInstance container) {
        ExecutableElement chosen = startEvents.remove(container.key());
        return chosen != null ? chosen : container.element().noneStartEvent().orElseThrow();
    }

    // --- the agenda --------------------------------------------------------------------------

    /** Takes queued steps until none is left, then writes what is unsaved. */
    void run() {
        while (!agenda.isEmpty()) {
            agenda.poll().run();
        }
        flush();
    }

    /** Writes the element instances created or changed so far. */
    void flush() {
        if (unsavedNew.isEmpty() && unsavedChanged.isEmpty()) {
            return;
        }
        store.saveElements(unsavedNew.values(), unsavedChanged.values());
        unsavedNew.clear();
        unsavedChanged.clear();
    }

    /** The active element instances directly inside a flow scope, as of now. */
    List<RuntimeStore.ElementRow> activeChildren(ElementInstance flowScope) {
        flush();
        return store.activeChildren(flowScope.key());
    }

    private void created(ElementInstance instance) {
        instances.put(instance.key(), instance);
        unsavedNew.put(instance.key(), instance);
    }

    /** Queues the activation of an element inside a flow scope instance. */
    void activate(ExecutableElement element, ElementInstance flowScope) {
        agenda.add(() -> {
            if (flowScope.state() != ElementState.ACTIVATED) {
                return;
            }
            ElementInstance instance = new ElementInstance(keys.next(), flowScope.processInstanceKey(), flowScope.key(), element,
                    flowScope.process(), ElementState.ACTIVATING, element.multiInstance().isPresent());
            created(instance);
            record(instance, "ELEMENT_ACTIVATING");
            activateStep(instance);
        });
    }

    // --- multi-instance ----------------------------------------------------------------------

    /** Queues one inner instance of a multi-instance body, with its item and its 1-based loop counter as local variables. */
    void activateInner(ElementInstance body, Object item, int loopCounter) {
        agenda.add(() -> {
            if (body.state() != ElementState.ACTIVATED) {
                return;
            }
            ElementInstance inner = new ElementInstance(keys.next(), body.processInstanceKey(), body.key(), body.element(),
                    body.process(), ElementState.ACTIVATING);
            created(inner);
            record(inner, "ELEMENT_ACTIVATING");
            Map<String, Object> locals = new LinkedHashMap<>();
            body.element().multiInstance().map(definition -> definition.inputElement())
                    .ifPresent(name -> locals.put(name, item));
            locals.put(LOOP_COUNTER, loopCounter);
            variables.setLocal(inner.key(), inner.processInstanceKey(), locals);
            activateStep(inner);
        });
    }

    static final String LOOP_COUNTER = "loopCounter";

    /**
     * An inner instance completed: its output element goes into the output collection at its
     * position; then the completion condition may end the body early, a sequential body starts
     * the next item, or the body completes when no inner instance is left.
     */
    private void innerCompleted(ElementInstance inner) {
        ElementInstance body = instance(inner.flowScopeKey().orElseThrow());
        var definition = body.element().multiInstance().orElseThrow();
        Map<String, Object> innerScope = variables.visible(inner.key());
        int loopCounter = ((Number) variables.local(inner.key()).get(LOOP_COUNTER)).intValue();
        Map<String, Object> bodyLocals = variables.local(body.key());
        if (definition.outputCollection() != null) {
            @SuppressWarnings("unchecked")
            List<Object> outputs = new ArrayList<>((List<Object>) bodyLocals.getOrDefault(definition.outputCollection(), List.of()));
            while (outputs.size() < loopCounter) {
                outputs.add(null);
            }
            outputs.set(loopCounter - 1, definition.outputElement() == null ? null : definition.outputElement().evaluate(innerScope));
            variables.setLocal(body.key(), body.processInstanceKey(), definition.outputCollection(), outputs);
        }
        int total = count(bodyLocals, "numberOfInstances");
        int completed = count(bodyLocals, "numberOfCompletedInstances") + 1;
        int active = count(bodyLocals, "numberOfActiveInstances") - 1;
        variables.setLocal(body.key(), body.processInstanceKey(), Map.of("numberOfCompletedInstances", completed,
                "numberOfActiveInstances", active));
        boolean enough = false;
        if (definition.completionCondition() != null) {
            Map<String, Object> conditionScope = new LinkedHashMap<>(innerScope);
            conditionScope.putAll(Map.of("numberOfInstances", total, "numberOfCompletedInstances", completed,
                    "numberOfActiveInstances", active));
            enough = Conditions.holds(definition.completionCondition(), conditionScope);
        }
        transition(inner, ElementState.COMPLETED, "ELEMENT_COMPLETED");
        if (enough) {
            agenda.add(() -> {
                for (RuntimeStore.ElementRow other : activeChildren(body)) {
                    terminate(instance(other.key()));
                }
                completeBody(body);
            });
        } else if (definition.sequential() && loopCounter < total) {
            List<?> items = (List<?>) definition.inputCollection().evaluate(variables.visible(body.key()));
            activateInner(body, loopCounter < items.size() ? items.get(loopCounter) : null, loopCounter + 1);
        } else if (active <= 0) {
            completeBody(body);
        }
    }

    /** The body completes: its output collection goes to the scope around it, and the activity's outgoing flows are taken. */
    void completeBody(ElementInstance body) {
        body.element().multiInstance().map(definition -> definition.outputCollection()).ifPresent(name -> {
            Object outputs = variables.local(body.key()).getOrDefault(name, List.of());
            variables.propagate(body.flowScopeKey().orElseThrow(), body.processInstanceKey(), Collections.singletonMap(name, outputs));
        });
        complete(body);
    }

    private static int count(Map<String, Object> locals, String name) {
        Object value = locals.get(name);
        return value instanceof Number number ? number.intValue() : 0;
    }

    /** Applies the input mappings and lets the element start its work; a failure becomes an incident. */
    void activateStep(ElementInstance instance) {
        guarded(instance, () -> {
            Map<String, Object> inputs = evaluateInputs(instance);
            variables.setLocal(instance.key(), instance.processInstanceKey(), inputs);
            openBoundaryEvents(instance);
            behaviors.of(instance).activate(this, instance);
        });
    }

    /**
     * Runs an activation again after the incident that stopped it was resolved; whatever the
     * first attempt began to wait on is withdrawn, so nothing is waited on twice.
     */
    void retryActivation(ElementInstance instance) {
        if (Subscriptions.mayHold(instance.element())) {
            subscriptions.withdraw(instance);
        }
        activateStep(instance);
    }

    /** Runs an activated element's behaviour again, after an incident it raised (an uncaught error) was resolved. */
    void retryActivated(ElementInstance instance) {
        instance.state(ElementState.ACTIVATING);
        behaviors.of(instance).activate(this, instance);
    }

    /** Marks an element instance as activated: it now waits, or is completed right away by its behaviour. */
    void activated(ElementInstance instance) {
        transition(instance, ElementState.ACTIVATED, "ELEMENT_ACTIVATED");
    }

    /** Queues the completion of an element instance, with no result variables. */
    void complete(ElementInstance instance) {
        complete(instance, Map.of(), true);
    }

    /**
     * Queues the completion of an element instance.
     *
     * @param result variables the element produced (job, script, decision, called process, error)
     * @param propagateResult without output mappings, merge the result upwards from the element's scope
     */
    void complete(ElementInstance instance, Map<String, Object> result, boolean propagateResult) {
        agenda.add(() -> {
            if (instance.state() != ElementState.ACTIVATED) {
                return;
            }
            transition(instance, ElementState.COMPLETING, "ELEMENT_COMPLETING");
            completeStep(instance, result, propagateResult);
        });
    }

    /** Applies the output mappings, chooses the outgoing flows and completes; a failure becomes an incident. */
    void completeStep(ElementInstance instance, Map<String, Object> result, boolean propagateResult) {
        guarded(instance, () -> {
            applyOutputs(instance, result, propagateResult);
            if (instance.isMultiInstanceInner()) {
                innerCompleted(instance);
                return;
            }
            List<SequenceFlow> outgoing = behaviors.of(instance).outgoing(this, instance);
            transition(instance, ElementState.COMPLETED, "ELEMENT_COMPLETED");
            if (instance.isProcess()) {
                processEnded(instance, ProcessInstanceRow.COMPLETED);
                return;
            }
            ElementInstance flowScope = instance(instance.flowScopeKey().orElseThrow());
            if (outgoing.isEmpty()) {
                tokenEnded(flowScope);
            }
            outgoing.forEach(flow -> takeFlow(flow, flowScope));
            recheckInclusiveJoins(flowScope);
        });
    }

    /** A token left the flow through a sequence flow: activate its target, or wait at a joining gateway. */
    void takeFlow(SequenceFlow flow, ElementInstance flowScope) {
        history.record("PROCESS_INSTANCE", "SEQUENCE_FLOW_TAKEN", flowScope.key(), flowScope.processInstanceKey(), flow.id(), null);
        ExecutableElement target = flowScope.process().process().require(flow.targetId());
        if (isInclusiveJoin(target)) {
            store.arriveAtJoin(flowScope.key(), target.id(), flow.id(), flowScope.processInstanceKey());
            agenda.add(() -> tryInclusiveJoin(flowScope, target));
            return;
        }
        if (target.type() == ElementType.PARALLEL_GATEWAY && target.incoming().size() > 1) {
            store.arriveAtJoin(flowScope.key(), target.id(), flow.id(), flowScope.processInstanceKey());
            List<String> arrived = store.arrivedFlows(flowScope.key(), target.id());
            if (target.incoming().stream().allMatch(incoming -> arrived.contains(incoming.id()))) {
                store.consumeJoin(flowScope.key(), target.id());
                activate(target, flowScope);
            }
            return;
        }
        activate(target, flowScope);
    }

    private static boolean isInclusiveJoin(ExecutableElement element) {
        return element.type() == ElementType.INCLUSIVE_GATEWAY && element.incoming().size() > 1;
    }

    /**
     * Activates an inclusive join that tokens have reached, once no other token in its scope can
     * still get there: tokens that took other branches are not waited for.
     */
    void tryInclusiveJoin(ElementInstance flowScope, ExecutableElement gateway) {
        if (flowScope.state() != ElementState.ACTIVATED || store.arrivedFlows(flowScope.key(), gateway.id()).isEmpty()) {
            return;
        }
        for (RuntimeStore.ElementRow child : activeChildren(flowScope)) {
            if (flowScope.process().process().require(child.elementId()).canReach(gateway)) {
                return;
            }
        }
        store.consumeJoin(flowScope.key(), gateway.id());
        activate(gateway, flowScope);
    }

    /** After a token moved in a scope with inclusive joins, the joins it no longer heads for may go on. */
    private void recheckInclusiveJoins(ElementInstance flowScope) {
        for (ExecutableElement child : flowScope.element().children()) {
            if (isInclusiveJoin(child)) {
                agenda.add(() -> tryInclusiveJoin(flowScope, child));
            }
        }
    }

    /** A token ended inside a flow scope: when none is left there, the scope completes. */
    void tokenEnded(ElementInstance flowScope) {
        agenda.add(() -> {
            if (flowScope.state() != ElementState.ACTIVATED) {
                return;
            }
            if (activeChildren(flowScope).isEmpty() && !store.hasWaitingJoinTokens(flowScope.key())) {
                complete(flowScope);
            }
        });
    }

    // --- termination -------------------------------------------------------------------------

    /** Terminates an element instance and everything inside it, now. */
    void terminate(ElementInstance instance) {
        if (instance.state().isFinal() || instance.state() == ElementState.TERMINATING) {
            return;
        }
        transition(instance, ElementState.TERMINATING, "ELEMENT_TERMINATING");
        if (instance.element().type().isContainer() || instance.isMultiInstanceBody()) {
            for (RuntimeStore.ElementRow child : activeChildren(instance)) {
                terminate(instance(child.key()));
            }
            store.clearJoins(instance.key());
        }
        behaviors.of(instance).terminate(this, instance);
        store.resolveIncidentsOf(instance.key(), instance.processInstanceKey());
        transition(instance, ElementState.TERMINATED, "ELEMENT_TERMINATED");
        if (instance.isProcess()) {
            processEnded(instance, ProcessInstanceRow.TERMINATED);
        }
    }

    /** Terminates every other instance in a flow scope, then completes the scope (terminate end event). */
    void terminateFlowScope(ElementInstance endEvent) {
        ElementInstance flowScope = instance(endEvent.flowScopeKey().orElseThrow());
        for (RuntimeStore.ElementRow sibling : activeChildren(flowScope)) {
            if (sibling.key() != endEvent.key()) {
                terminate(instance(sibling.key()));
            }
        }
        store.clearJoins(flowScope.key());
    }

    private void processEnded(ElementInstance process, String state) {
        store.endProcessInstance(process.processInstanceKey(), state);
        endedProcessInstances.add(process.processInstanceKey());
        ProcessInstanceRow row = store.processInstance(process.processInstanceKey()).orElseThrow();
        if (row.parentElementInstanceKey() != null && state.equals(ProcessInstanceRow.COMPLETED)) {
            ElementInstance callActivity = instance(row.parentElementInstanceKey());
            boolean propagateAll = callActivity.element().call().map(call -> call.propagateAllChildVariables()).orElse(true);
            complete(callActivity, variables.local(process.key()), propagateAll);
        }
        startHeldBackInstance(row);
    }

    /**
     * A message start event takes one active instance per correlation key; a message that came
     * meanwhile and still lives starts the next instance, of the latest version, once this one ends.
     */
    private void startHeldBackInstance(ProcessInstanceRow ended) {
        store.messages().startCorrelationKey(ended.key())
                .flatMap(key -> store.messages().bufferedStart(ended.bpmnProcessId(), ended.tenantId(), key, store.now()))
                .ifPresent(start -> models.process(start.processDefinitionKey()).ifPresent(version ->
                        startByMessage(version, version.process().require(start.elementId()), start.message())));
    }

    // --- errors and incidents ----------------------------------------------------------------

    /**
     * Throws a BPMN error from an element instance: the innermost matching error boundary event,
     * in this process or a calling one, catches it; uncaught, it becomes an incident.
     */
    void throwError(ElementInstance thrower, String errorCode, String errorMessage, Map<String, Object> errorVariables,
                    Long jobKey) {
        Optional<Catch> caught = findCatch(thrower, errorCode);
        if (caught.isEmpty()) {
            raiseIncident(thrower, IncidentType.UNHANDLED_ERROR_EVENT, "Expected to throw an error event with the code '"
                    + errorCode + "'" + (errorMessage == null || errorMessage.isBlank() ? "" : " with message '" + errorMessage + "'")
                    + ", but it was not caught. No error events are available in the scope.", jobKey);
            return;
        }
        ExecutableElement catchEvent = caught.get().catchEvent();
        if (startsEventSubProcess(catchEvent)) {
            triggerEventSubProcess(caught.get().scope(), catchEvent, errorVariables);
            return;
        }
        ElementInstance attachedTo = caught.get().scope();
        ElementInstance flowScope = instance(attachedTo.flowScopeKey().orElseThrow());
        terminate(attachedTo);
        occur(catchEvent, flowScope, errorVariables);
    }

    /** An event occurs (a boundary event, or the event after an event-based gateway): it is activated in the flow scope and completes at once. */
    private void occur(ExecutableElement boundaryEvent, ElementInstance flowScope, Map<String, Object> eventVariables) {
        ElementInstance boundary = new ElementInstance(keys.next(), flowScope.processInstanceKey(), flowScope.key(),
                boundaryEvent, flowScope.process(), ElementState.ACTIVATING);
        created(boundary);
        record(boundary, "ELEMENT_ACTIVATING");
        activated(boundary);
        complete(boundary, eventVariables, true);
    }

    // --- messages ----------------------------------------------------------------------------

    /** A broadcast signal reaches a waiting element instance of this instance tree. */
    void signal(long subscriptionKey, Map<String, Object> signalVariables) {
        store.signals().lock(subscriptionKey).ifPresent(subscription -> {
            ElementInstance owner = instance(subscription.elementInstanceKey());
            ExecutableElement event = owner.process().process().require(subscription.elementId());
            history.record("SIGNAL_SUBSCRIPTION", "TRIGGERED", subscriptionKey, subscription.processInstanceKey(), event.id(), null);
            if (usedUpBy(event)) {
                store.signals().delete(subscriptionKey);
            }
            occurred(owner, event, signalVariables);
        });
    }

    /** Starts an instance of a process's latest version at a signal start event. */
    void startBySignal(ProcessVersion version, ExecutableElement startEvent, Map<String, Object> signalVariables) {
        startProcessInstance(version, signalVariables, null, startEvent);
    }

    /** Correlates messages published before an element instance started to wait, one per open subscription. */
    void correlateBuffered(ElementInstance owner) {
        if (owner.state() != ElementState.ACTIVATED) {
            return;
        }
        for (long subscriptionKey : store.messages().openKeysOf(owner.key())) {
            store.messages().lockOpen(subscriptionKey)
                    .flatMap(subscription -> store.messages().bufferedFor(subscription, store.now()))
                    .ifPresent(message -> correlate(subscriptionKey, message));
        }
    }

    /**
     * Delivers a message to an open subscription of this instance tree: the catch event or
     * receive task completes with the message's variables, or the boundary event occurs.
     *
     * @return false when the subscription is closed or the message already reached this process
     */
    boolean correlate(long subscriptionKey, MessageStore.Message message) {
        Optional<MessageStore.Subscription> open = store.messages().lockOpen(subscriptionKey);
        if (open.isEmpty()) {
            return false;
        }
        MessageStore.Subscription subscription = open.get();
        if (!store.messages().recordCorrelation(message.key(), subscription.bpmnProcessId(), subscription.processInstanceKey(),
                store.now())) {
            return false;
        }
        ElementInstance owner = instance(subscription.elementInstanceKey());
        ExecutableElement event = owner.process().process().require(subscription.elementId());
        history.record("MESSAGE_SUBSCRIPTION", "CORRELATED", subscriptionKey, subscription.processInstanceKey(), event.id(), null);
        if (usedUpBy(event)) {
            store.messages().correlated(subscriptionKey);
        }
        occurred(owner, event, message.variables());
        return true;
    }

    /**
     * Whether an event's subscription ends when the event occurs; it stays for a
     * non-interrupting boundary event or event sub-process start, which may occur again.
     */
    private static boolean usedUpBy(ExecutableElement event) {
        return !((event.type() == ElementType.BOUNDARY_EVENT || startsEventSubProcess(event)) && !event.interrupting());
    }

    /**
     * An event an element instance waited for occurred (a timer, message or signal): the catch
     * event or receive task completes, the event-based gateway passes to it, the boundary event
     * occurs (ending its activity if interrupting), or the event sub-process starts.
     */
    private void occurred(ElementInstance owner, ExecutableElement event, Map<String, Object> eventVariables) {
        if (owner.state() != ElementState.ACTIVATED) {
            return;
        }
        if (startsEventSubProcess(event)) {
            triggerEventSubProcess(owner, event, eventVariables);
        } else if (owner.element().type() == ElementType.EVENT_BASED_GATEWAY) {
            passGateway(owner, event, eventVariables);
        } else if (event.type() == ElementType.BOUNDARY_EVENT) {
            ElementInstance flowScope = instance(owner.flowScopeKey().orElseThrow());
            if (event.interrupting()) {
                terminate(owner);
            }
            occur(event, flowScope, eventVariables);
        } else {
            complete(owner, eventVariables, true);
        }
    }

    private static boolean startsEventSubProcess(ExecutableElement event) {
        return event.type() == ElementType.START_EVENT
                && event.flowScope().map(scope -> scope.type() == ElementType.EVENT_SUB_PROCESS).orElse(false);
    }

    /**
     * The start event of an event sub-process occurred in its enclosing scope. An interrupting
     * one first ends everything else in the scope and withdraws the scope's other event
     * subscriptions; a non-interrupting one runs alongside. The sub-process starts with the
     * event's variables.
     */
    private void triggerEventSubProcess(ElementInstance scope, ExecutableElement startEvent, Map<String, Object> eventVariables) {
        if (scope.state() != ElementState.ACTIVATED) {
            return;
        }
        if (startEvent.interrupting()) {
            for (RuntimeStore.ElementRow child : activeChildren(scope)) {
                terminate(instance(child.key()));
            }
            store.clearJoins(scope.key());
            subscriptions.withdraw(scope);
        }
        ExecutableElement eventSubProcess = startEvent.flowScope().orElseThrow();
        ElementInstance triggered = new ElementInstance(keys.next(), scope.processInstanceKey(), scope.key(), eventSubProcess,
                scope.process(), ElementState.ACTIVATING);
        created(triggered);
        record(triggered, "ELEMENT_ACTIVATING");
        activated(triggered);
        occur(startEvent, triggered, eventVariables);
    }

    /**
     * The first event after an event-based gateway occurred: the gateway completes (withdrawing
     * the other events' timers and subscriptions) and the token goes on through that event.
     */
    private void passGateway(ElementInstance gateway, ExecutableElement event, Map<String, Object> eventVariables) {
        if (gateway.state() != ElementState.ACTIVATED) {
            return;
        }
        transition(gateway, ElementState.COMPLETING, "ELEMENT_COMPLETING");
        transition(gateway, ElementState.COMPLETED, "ELEMENT_COMPLETED");
        ElementInstance flowScope = instance(gateway.flowScopeKey().orElseThrow());
        gateway.element().outgoing().stream().filter(flow -> flow.targetId().equals(event.id())).findFirst().ifPresent(flow ->
                history.record("PROCESS_INSTANCE", "SEQUENCE_FLOW_TAKEN", flowScope.key(), flowScope.processInstanceKey(), flow.id(),
                        null));
        occur(event, flowScope, eventVariables);
    }

    /**
     * Starts an instance of a process's latest version at a message start event, unless the
     * message already started one, or an instance started with the same correlation key is active.
     */
    void startByMessage(ProcessVersion version, ExecutableElement startEvent, MessageStore.Message message) {
        boolean keyed = !message.correlationKey().isEmpty();
        if (keyed) {
            store.messages().lockCorrelation(version.tenantId(), "start of " + version.bpmnProcessId(), message.correlationKey());
            if (store.messages().hasActiveInstanceStartedWith(version.bpmnProcessId(), version.tenantId(), message.correlationKey())) {
                return;
            }
        }
        if (store.messages().correlatedTo(message.key(), version.bpmnProcessId())) {
            return;
        }
        long processInstanceKey = startProcessInstance(version, message.variables(), null, startEvent);
        store.messages().recordCorrelation(message.key(), version.bpmnProcessId(), processInstanceKey, store.now());
        if (keyed) {
            store.messages().rememberStartCorrelationKey(processInstanceKey, message.correlationKey());
        }
    }

    // --- timers ------------------------------------------------------------------------------

    /** Opens the timers and message subscriptions of an activity's boundary events as it is entered. */
    private void openBoundaryEvents(ElementInstance activity) {
        if (!Subscriptions.mayHold(activity.element()) || activity.isMultiInstanceInner()) {
            return;
        }
        boolean listens = false;
        for (ExecutableElement boundary : activity.element().boundaryEvents()) {
            listens |= boundary.eventKind() == ExecutableElement.EventKind.MESSAGE;
            subscriptions.open(boundary, activity);
        }
        if (listens) {
            // Only once the activity has started its work may a buffered message interrupt it.
            agenda.add(() -> correlateBuffered(activity));
        }
    }

    /** Fires a timer of an element instance: completes its catch event, or lets its boundary event occur. */
    void fireTimer(TimerRow timer) {
        ElementInstance owner = instance(timer.elementInstanceKey());
        ExecutableElement event = owner.process().process().require(timer.elementId());
        history.record("TIMER", "TRIGGERED", timer.key(), timer.processInstanceKey(), timer.elementId(), null);
        advance(timer, !usedUpBy(event));
        occurred(owner, event, Map.of());
    }

    /** A fired timer waits for its next firing if it is a cycle that may repeat and has repetitions left; else it is done. */
    private void advance(TimerRow timer, boolean mayRepeat) {
        TimerSchedule schedule = timer.schedule();
        if (mayRepeat && schedule.repeats()) {
            store.timers().reschedule(timer.key(), schedule.next());
        } else {
            store.timers().fired(timer.key());
        }
    }

    /** Fires a timer start event: a new instance of the timer's process version starts there. */
    void fireStartTimer(TimerRow timer) {
        ProcessVersion version = models.process(timer.processDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("No process definition " + timer.processDefinitionKey()));
        ExecutableElement startEvent = version.process().require(timer.elementId());
        advance(timer, true);
        long processInstanceKey = startProcessInstance(version, Map.of(), null, startEvent);
        history.record("TIMER", "TRIGGERED", timer.key(), processInstanceKey, timer.elementId(), null);
    }

    /**
     * Throws an escalation from an element instance: the innermost matching escalation boundary
     * event of an enclosing sub-process or call activity, or escalation event sub-process,
     * catches it. Uncaught, nothing happens: an escalation is not an incident.
     */
    void escalate(ElementInstance thrower, String escalationCode) {
        ElementInstance current = instance(thrower.flowScopeKey().orElseThrow());
        while (current != null) {
            for (ExecutableElement eventSubProcess : current.element().eventSubProcesses()) {
                ExecutableElement trigger = eventSubProcess.triggerEvent().orElseThrow();
                if (trigger.eventKind() == ExecutableElement.EventKind.ESCALATION && escalationCaught(trigger, escalationCode, current)) {
                    history.record("ESCALATION", "ESCALATED", thrower.key(), thrower.processInstanceKey(), thrower.element().id(), null);
                    triggerEventSubProcess(current, trigger, Map.of());
                    return;
                }
            }
            for (ExecutableElement boundary : current.element().boundaryEvents()) {
                if (boundary.eventKind() == ExecutableElement.EventKind.ESCALATION && escalationCaught(boundary, escalationCode, current)) {
                    history.record("ESCALATION", "ESCALATED", thrower.key(), thrower.processInstanceKey(), thrower.element().id(), null);
                    occurred(current, boundary, Map.of());
                    return;
                }
            }
            if (current.isProcess()) {
                Long parent = store.processInstance(current.processInstanceKey()).orElseThrow().parentElementInstanceKey();
                current = parent == null ? null : instance(parent);
            } else {
                current = instance(current.flowScopeKey().orElseThrow());
            }
        }
        history.record("ESCALATION", "NOT_ESCALATED", thrower.key(), thrower.processInstanceKey(), thrower.element().id(), null);
    }

    private boolean escalationCaught(ExecutableElement catchEvent, String escalationCode, ElementInstance scope) {
        return catchEvent.escalationCode()
                .map(code -> String.valueOf(code.evaluate(variables.visible(scope.key()))).equals(escalationCode))
                .orElse(true);
    }

    /** Where an error is caught: an error boundary event of an activity, or the error start event of an event sub-process in a scope. */
    private record Catch(ElementInstance scope, ExecutableElement catchEvent) {
    }

    private Optional<Catch> findCatch(ElementInstance thrower, String errorCode) {
        ElementInstance current = thrower;
        while (current != null) {
            // An event sub-process inside a scope is closer to the thrower than the scope's own boundary events.
            for (ExecutableElement eventSubProcess : current.isMultiInstanceBody() ? List.<ExecutableElement>of()
                    : current.element().eventSubProcesses()) {
                ExecutableElement trigger = eventSubProcess.triggerEvent().orElseThrow();
                if (trigger.eventKind() == ExecutableElement.EventKind.ERROR
                        && catches(trigger, errorCode, trigger.errorCode().isEmpty() ? Map.of() : variables.visible(current.key()))) {
                    return Optional.of(new Catch(current, trigger));
                }
            }
            List<ExecutableElement> boundaries = current.isMultiInstanceInner() ? List.of() : current.element().boundaryEvents();
            // Variables are read only where an error code expression could need them.
            Map<String, Object> scope = boundaries.isEmpty() || current.isProcess() ? Map.of() : variables.visible(current.key());
            for (ExecutableElement boundary : boundaries) {
                if (boundary.eventKind() == ExecutableElement.EventKind.ERROR && catches(boundary, errorCode, scope)) {
                    return Optional.of(new Catch(current, boundary));
                }
            }
            if (current.isProcess()) {
                Long parent = store.processInstance(current.processInstanceKey()).orElseThrow().parentElementInstanceKey();
                current = parent == null ? null : instance(parent);
            } else {
                current = instance(current.flowScopeKey().orElseThrow());
            }
        }
        return Optional.empty();
    }

    private static boolean catches(ExecutableElement boundary, String errorCode, Map<String, Object> scope) {
        return boundary.errorCode()
                .map(code -> String.valueOf(code.evaluate(scope)).equals(errorCode))
                .orElse(true);
    }

    /** Records an incident on an element instance; the instance stays where it is until the incident is resolved. */
    void raiseIncident(ElementInstance instance, IncidentType type, String message, Long jobKey) {
        long key = keys.next();
        store.insertIncident(key, type, message, instance, jobKey);
        history.record("INCIDENT", "CREATED", key, instance.processInstanceKey(), instance.element().id(), null);
    }

    /** Runs a step; an expression, decision or model failure stops it and becomes an incident. */
    void guarded(ElementInstance instance, Runnable step) {
        try {
            step.run();
        } catch (IncidentRaised e) {
            raiseIncident(instance, e.type(), e.getMessage(), null);
        } catch (ExpressionFailure e) {
            raiseIncident(instance, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(), null);
        } catch (DecisionFailure e) {
            raiseIncident(instance, IncidentType.DECISION_EVALUATION_ERROR, e.getMessage(), null);
        }
    }

    // --- variables and mappings --------------------------------------------------------------

    private Map<String, Object> evaluateInputs(ElementInstance instance) {
        if (instance.element().inputs().isEmpty() || instance.isMultiInstanceBody()) {
            return Map.of();
        }
        // An inner instance's input mappings see its item and loop counter.
        Map<String, Object> context = new LinkedHashMap<>(instance.isMultiInstanceInner() ? variables.visible(instance.key())
                : instance.flowScopeKey().map(variables::visible).orElse(Map.of()));
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (VariableMapping mapping : instance.element().inputs()) {
            Object value = mapping.source().evaluate(context);
            Mappings.put(inputs, mapping.target(), value);
            Mappings.put(context, mapping.target(), value);
        }
        return inputs;
    }

    private void applyOutputs(ElementInstance instance, Map<String, Object> result, boolean propagateResult) {
        // The activity's output mappings belong to its inner instances, not to a multi-instance body.
        List<VariableMapping> outputs = instance.isMultiInstanceBody() ? List.of() : instance.element().outputs();
        if (outputs.isEmpty()) {
            if (propagateResult && !result.isEmpty()) {
                // A task's result may update its own local variables; an event's belongs to the flow around it.
                long from = instance.element().type() == ElementType.BOUNDARY_EVENT ? instance.flowScopeKey().orElseThrow() : instance.key();
                variables.propagate(from, instance.processInstanceKey(), result);
            }
            return;
        }
        // Kept as local variables, so that a completion retried after an incident sees them again.
        variables.setLocal(instance.key(), instance.processInstanceKey(), result);
        Map<String, Object> context = variables.visible(instance.key());
        Map<String, Object> mapped = new LinkedHashMap<>();
        for (VariableMapping mapping : outputs) {
            Mappings.put(mapped, mapping.target(), mapping.source().evaluate(context));
        }
        instance.flowScopeKey().ifPresentOrElse(
                flowScope -> variables.propagate(flowScope, instance.processInstanceKey(), mapped),
                () -> variables.setLocal(instance.key(), instance.processInstanceKey(), mapped));
    }

    // --- bookkeeping -------------------------------------------------------------------------

    private void transition(ElementInstance instance, ElementState state, String intent) {
        instance.state(state);
        if (state.isFinal() && Subscriptions.mayHold(instance.element())) {
            subscriptions.close(instance);
        }
        if (!unsavedNew.containsKey(instance.key())) {
            unsavedChanged.put(instance.key(), instance);
        }
        record(instance, intent);
    }

    private void record(ElementInstance instance, String intent) {
        history.record("PROCESS_INSTANCE", intent, instance.key(), instance.processInstanceKey(), instance.element().id(), null);
    }
}
