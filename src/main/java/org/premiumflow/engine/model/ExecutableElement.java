package org.premiumflow.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.premiumflow.engine.expression.Expression;

/**
 * One flow element of a deployed process, with everything the engine needs to run it. Built by
 * {@link BpmnTransformer} when the model is deployed and never changed afterwards.
 */
public final class ExecutableElement {

    private final String id;
    private final String name;
    private final ElementType type;
    private final ExecutableElement flowScope;
    private final List<SequenceFlow> outgoing = new ArrayList<>();
    private final List<SequenceFlow> incoming = new ArrayList<>();
    private final List<ExecutableElement> children = new ArrayList<>();
    private final List<ExecutableElement> boundaryEvents = new ArrayList<>();
    private List<VariableMapping> inputs = List.of();
    private List<VariableMapping> outputs = List.of();
    private JobDefinition job;
    private ScriptDefinition script;
    private DecisionCall decision;
    private ProcessCall call;
    private SequenceFlow defaultFlow;
    private ExecutableElement attachedTo;
    private boolean interrupting = true;
    private EventKind eventKind = EventKind.NONE;
    private Expression errorCode;
    private TimerDefinition timer;
    private MessageDefinition message;
    private UserTaskDefinition userTask;
    private Expression signalName;
    private Expression escalationCode;
    private MultiInstanceDefinition multiInstance;

    ExecutableElement(String id, String name, ElementType type, ExecutableElement flowScope) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.flowScope = flowScope;
    }

    /** What an event waits for or throws. */
    public enum EventKind { NONE, ERROR, TERMINATE, TIMER, MESSAGE, SIGNAL, ESCALATION }

    public String id() {
        return id;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public ElementType type() {
        return type;
    }

    /** The process or sub-process this element is in; empty for the process itself. */
    public Optional<ExecutableElement> flowScope() {
        return Optional.ofNullable(flowScope);
    }

    public List<SequenceFlow> outgoing() {
        return Collections.unmodifiableList(outgoing);
    }

    public List<SequenceFlow> incoming() {
        return Collections.unmodifiableList(incoming);
    }

    /** For a process or sub-process: the elements directly inside it. */
    public List<ExecutableElement> children() {
        return Collections.unmodifiableList(children);
    }

    /** The none start event a process or sub-process starts at. */
    public Optional<ExecutableElement> noneStartEvent() {
        return children.stream()
                .filter(child -> child.type == ElementType.START_EVENT && child.eventKind == EventKind.NONE)
                .findFirst();
    }

    public List<ExecutableElement> boundaryEvents() {
        return Collections.unmodifiableList(boundaryEvents);
    }

    public List<VariableMapping> inputs() {
        return inputs;
    }

    public List<VariableMapping> outputs() {
        return outputs;
    }

    public Optional<JobDefinition> job() {
        return Optional.ofNullable(job);
    }

    public Optional<ScriptDefinition> script() {
        return Optional.ofNullable(script);
    }

    public Optional<DecisionCall> decision() {
        return Optional.ofNullable(decision);
    }

    public Optional<ProcessCall> call() {
        return Optional.ofNullable(call);
    }

    public Optional<SequenceFlow> defaultFlow() {
        return Optional.ofNullable(defaultFlow);
    }

    public Optional<ExecutableElement> attachedTo() {
        return Optional.ofNullable(attachedTo);
    }

    public boolean interrupting() {
        return interrupting;
    }

    public EventKind eventKind() {
        return eventKind;
    }

    /** For an error end event, the code it throws; for an error boundary event, the code it catches (empty: any). */
    public Optional<Expression> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** For a timer start, catch or boundary event: when it fires. */
    public Optional<TimerDefinition> timer() {
        return Optional.ofNullable(timer);
    }

    /** For a message start, catch or boundary event and a receive task: the message it waits for. */
    public Optional<MessageDefinition> message() {
        return Optional.ofNullable(message);
    }

    /** For a multi-instance activity: how its inner instances are made and gathered. */
    public Optional<MultiInstanceDefinition> multiInstance() {
        return Optional.ofNullable(multiInstance);
    }

    /** For an escalation throw or end event, the code it throws; for an escalation catch event, the code it catches (empty: any). */
    public Optional<Expression> escalationCode() {
        return Optional.ofNullable(escalationCode);
    }

    /** For a signal start, catch or boundary event: the name of the signal it waits for. */
    public Optional<Expression> signalName() {
        return Optional.ofNullable(signalName);
    }

    /** For a process: its signal start events. */
    public List<ExecutableElement> signalStartEvents() {
        return children.stream()
                .filter(child -> child.type == ElementType.START_EVENT && child.eventKind == EventKind.SIGNAL)
                .toList();
    }

    /** For a user task: what it hands to a person. */
    public Optional<UserTaskDefinition> userTask() {
        return Optional.ofNullable(userTask);
    }

    /** Whether a token here could still get to {@code target} by following sequence flows (and boundary events) forward. */
    public boolean canReach(ExecutableElement target) {
        java.util.Deque<ExecutableElement> next = new java.util.ArrayDeque<>(List.of(this));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!next.isEmpty()) {
            ExecutableElement element = next.poll();
            if (!seen.add(element.id)) {
                continue;
            }
            List<ExecutableElement> successors = new ArrayList<>(element.boundaryEvents);
            for (SequenceFlow flow : element.outgoing) {
                successors.add(flowScope.children.stream().filter(child -> child.id.equals(flow.targetId())).findFirst().orElseThrow());
            }
            for (ExecutableElement successor : successors) {
                if (successor == target) {
                    return true;
                }
                next.add(successor);
            }
        }
        return false;
    }

    /** For a process or sub-process: the event sub-processes inside it. */
    public List<ExecutableElement> eventSubProcesses() {
        return children.stream().filter(child -> child.type == ElementType.EVENT_SUB_PROCESS).toList();
    }

    /** For an event sub-process: the start event that triggers it. */
    public Optional<ExecutableElement> triggerEvent() {
        return children.stream().filter(child -> child.type == ElementType.START_EVENT).findFirst();
    }

    /** For a process: its message start events. */
    public List<ExecutableElement> messageStartEvents() {
        return children.stream()
                .filter(child -> child.type == ElementType.START_EVENT && child.eventKind == EventKind.MESSAGE)
                .toList();
    }

    /** For a process: its timer start events. */
    public List<ExecutableElement> timerStartEvents() {
        return children.stream()
                .filter(child -> child.type == ElementType.START_EVENT && child.eventKind == EventKind.TIMER)
                .toList();
    }

    @Override
    public String toString() {
        return type + "[" + id + "]";
    }

    void addOutgoing(SequenceFlow flow) {
        outgoing.add(flow);
    }

    void addIncoming(SequenceFlow flow) {
        incoming.add(flow);
    }

    void addChild(ExecutableElement child) {
        children.add(child);
    }

    void addBoundaryEvent(ExecutableElement boundary) {
        boundaryEvents.add(boundary);
    }

    void mappings(List<VariableMapping> inputs, List<VariableMapping> outputs) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    void job(JobDefinition job) {
        this.job = job;
    }

    void script(ScriptDefinition script) {
        this.script = script;
    }

    void decision(DecisionCall decision) {
        this.decision = decision;
    }

    void call(ProcessCall call) {
        this.call = call;
    }

    void defaultFlow(SequenceFlow defaultFlow) {
        this.defaultFlow = defaultFlow;
    }

    void attachedTo(ExecutableElement activity, boolean cancelActivity) {
        this.attachedTo = activity;
        this.interrupting = cancelActivity;
    }

    void interrupting(boolean interrupting) {
        this.interrupting = interrupting;
    }

    void timer(TimerDefinition timer) {
        this.eventKind = EventKind.TIMER;
        this.timer = timer;
    }

    void multiInstance(MultiInstanceDefinition multiInstance) {
        this.multiInstance = multiInstance;
    }

    void escalation(Expression escalationCode) {
        this.eventKind = EventKind.ESCALATION;
        this.escalationCode = escalationCode;
    }

    void signal(Expression signalName) {
        this.eventKind = EventKind.SIGNAL;
        this.signalName = signalName;
    }

    void userTask(UserTaskDefinition userTask) {
        this.userTask = userTask;
    }

    void message(MessageDefinition message) {
        this.eventKind = EventKind.MESSAGE;
        this.message = message;
    }

    void event(EventKind kind, Expression errorCode) {
        this.eventKind = kind;
        this.errorCode = errorCode;
    }
}
