package org.premiumflow.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.premiumflow.engine.expression.Expression;
import org.premiumflow.engine.expression.ExpressionLanguage;
import org.premiumflow.engine.expression.FeelExpression;
import org.premiumflow.engine.expression.InvalidExpressionException;

/**
 * Reads a BPMN file into executable processes: validates it as Camunda Modeler and Zeebe do,
 * refuses elements this engine does not run, and parses every FEEL expression, so that a bad
 * model fails its deployment instead of a running instance.
 */
public final class BpmnTransformer {

    private static final String DEFAULT_RETRIES = "3";

    private final ExpressionLanguage expressions;

    public BpmnTransformer(ExpressionLanguage expressions) {
        this.expressions = expressions;
    }

    public List<ExecutableProcess> transform(String resourceName, byte[] content) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            throw new InvalidModelException(resourceName, List.of("not a readable BPMN file: " + rootMessage(e)));
        }
        ModelProblems problems = new ModelProblems();
        validate(model, problems);
        List<ExecutableProcess> processes = new ArrayList<>();
        if (problems.isEmpty()) {
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (process.isExecutable()) {
                    processes.add(transform(process, problems));
                }
            }
            if (processes.isEmpty() && problems.isEmpty()) {
                problems.add(resourceName, "the file contains no executable process");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException(resourceName, problems.list());
        }
        return processes;
    }

    private static void validate(BpmnModelInstance model, ModelProblems problems) {
        ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
        results.getResults().forEach((element, list) -> list.stream()
                .filter(result -> result.getType() == ValidationResultType.ERROR)
                .forEach(result -> problems.add(idOf(element), result.getMessage())));
    }

    private ExecutableProcess transform(Process process, ModelProblems problems) {
        Map<String, ExecutableElement> elements = new LinkedHashMap<>();
        ExecutableElement root = new ExecutableElement(process.getId(), process.getName(), ElementType.PROCESS, null);
        elements.put(root.id(), root);
        addChildren(process.getFlowElements(), root, elements, problems);
        connect(process, elements, problems);
        attachBoundaryEvents(elements, process, problems);
        if (root.noneStartEvent().isEmpty() && root.timerStartEvents().isEmpty() && root.messageStartEvents().isEmpty()
                && root.signalStartEvents().isEmpty()) {
            problems.add(root.id(), "Must have at least one none, timer, message or signal start event");
        }
        return new ExecutableProcess(process.getId(), process.getName(), root, Map.copyOf(elements));
    }

    private void addChildren(Collection<FlowElement> flowElements, ExecutableElement scope,
                             Map<String, ExecutableElement> elements, ModelProblems problems) {
        for (FlowElement flowElement : flowElements) {
            if (flowElement instanceof io.camunda.zeebe.model.bpmn.instance.SequenceFlow) {
                continue;
            }
            Optional<ElementType> type = typeOf(flowElement, problems);
            if (type.isEmpty()) {
                continue;
            }
            ExecutableElement element = new ExecutableElement(flowElement.getId(), flowElement.getName(), type.get(), scope);
            scope.addChild(element);
            elements.put(element.id(), element);
            try {
                configure(flowElement, element, problems);
            } catch (InvalidExpressionException e) {
                problems.add(flowElement.getId(), e.getMessage());
            }
            if (flowElement instanceof SubProcess subProcess) {
                addChildren(subProcess.getFlowElements(), element, elements, problems);
                if (subProcess.triggeredByEvent()) {
                    requireTriggerEvent(element, problems);
                } else {
                    requireNoneStartEvent(element, problems);
                }
            }
        }
    }

    private Optional<ElementType> typeOf(FlowElement element, ModelProblems problems) {
        ElementType type = null;
        if (element instanceof StartEvent start) {
            Collection<EventDefinition> definitions = start.getEventDefinitions();
            boolean processStart = start.getParentElement() instanceof Process;
            boolean eventSubProcessStart = start.getParentElement() instanceof SubProcess parent && parent.triggeredByEvent();
            boolean eventStart = (processStart || eventSubProcessStart)
                    && (isTimerEvent(definitions) || isMessageEvent(definitions) || isSignalEvent(definitions))
                    || eventSubProcessStart && (isErrorEvent(definitions) || isEscalationEvent(definitions));
            type = definitions.isEmpty() || eventStart ? ElementType.START_EVENT : null;
        } else if (element instanceof EndEvent end) {
            type = supportedEndEvent(end) ? ElementType.END_EVENT : null;
        } else if (element instanceof BoundaryEvent boundary) {
            Collection<EventDefinition> definitions = boundary.getEventDefinitions();
            type = isErrorEvent(definitions) || isTimerEvent(definitions) || isMessageEvent(definitions) || isSignalEvent(definitions)
                    || isEscalationEvent(definitions) ? ElementType.BOUNDARY_EVENT : null;
        } else if (element instanceof IntermediateCatchEvent event) {
            Collection<EventDefinition> definitions = event.getEventDefinitions();
            type = isTimerEvent(definitions) || isMessageEvent(definitions) || isSignalEvent(definitions)
                    ? ElementType.INTERMEDIATE_CATCH_EVENT : null;
        } else if (element instanceof io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent event) {
            Collection<EventDefinition> definitions = event.getEventDefinitions();
            type = definitions.isEmpty() || isEscalationEvent(definitions) ? ElementType.INTERMEDIATE_THROW_EVENT : null;
        } else if (element instanceof ReceiveTask) {
            type = ElementType.RECEIVE_TASK;
        } else if (element instanceof io.camunda.zeebe.model.bpmn.instance.UserTask userTask) {
            if (userTask.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask.class) == null) {
                problems.add(element.getId(), "a job-worker user task is not supported by the embedded engine;"
                        + " make it a Camunda user task (zeebe:userTask)");
                return Optional.empty();
            }
            type = ElementType.USER_TASK;
        } else if (element instanceof ServiceTask) {
            type = ElementType.SERVICE_TASK;
        } else if (element instanceof SendTask) {
            type = ElementType.SEND_TASK;
        } else if (element instanceof ScriptTask) {
            type = ElementType.SCRIPT_TASK;
        } else if (element instanceof BusinessRuleTask) {
            type = ElementType.BUSINESS_RULE_TASK;
        } else if (element instanceof ExclusiveGateway) {
            type = ElementType.EXCLUSIVE_GATEWAY;
        } else if (element instanceof ParallelGateway) {
            type = ElementType.PARALLEL_GATEWAY;
        } else if (element instanceof io.camunda.zeebe.model.bpmn.instance.InclusiveGateway) {
            type = ElementType.INCLUSIVE_GATEWAY;
        } else if (element instanceof io.camunda.zeebe.model.bpmn.instance.EventBasedGateway) {
            type = ElementType.EVENT_BASED_GATEWAY;
        } else if (element instanceof SubProcess subProcess) {
            type = subProcess.triggeredByEvent() ? ElementType.EVENT_SUB_PROCESS : ElementType.SUB_PROCESS;
        } else if (element instanceof CallActivity) {
            type = ElementType.CALL_ACTIVITY;
        }
        if (type == null) {
            problems.add(element.getId(), "the embedded engine does not run " + describe(element) + " yet");
        }
        return Optional.ofNullable(type);
    }

    private static boolean supportedEndEvent(EndEvent end) {
        Collection<EventDefinition> definitions = end.getEventDefinitions();
        return definitions.isEmpty() || isErrorEvent(definitions) || isEscalationEvent(definitions)
                || (definitions.size() == 1 && definitions.iterator().next() instanceof TerminateEventDefinition);
    }

    private static boolean isErrorEvent(Collection<EventDefinition> definitions) {
        return definitions.size() == 1 && definitions.iterator().next() instanceof ErrorEventDefinition;
    }

    private static boolean isTimerEvent(Collection<EventDefinition> definitions) {
        return definitions.size() == 1 && definitions.iterator().next() instanceof TimerEventDefinition;
    }

    private static boolean isEscalationEvent(Collection<EventDefinition> definitions) {
        return definitions.size() == 1
                && definitions.iterator().next() instanceof io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
    }

    private static boolean isSignalEvent(Collection<EventDefinition> definitions) {
        return definitions.size() == 1 && definitions.iterator().next() instanceof io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
    }

    private static boolean isMessageEvent(Collection<EventDefinition> definitions) {
        return definitions.size() == 1 && definitions.iterator().next() instanceof MessageEventDefinition;
    }

    private static Collection<EventDefinition> eventDefinitions(io.camunda.zeebe.model.bpmn.instance.Event event) {
        if (event instanceof io.camunda.zeebe.model.bpmn.instance.CatchEvent catchEvent) {
            return catchEvent.getEventDefinitions();
        }
        if (event instanceof io.camunda.zeebe.model.bpmn.instance.ThrowEvent throwEvent) {
            return throwEvent.getEventDefinitions();
        }
        return List.of();
    }

    private static String describe(FlowElement element) {
        String kind = element.getElementType().getTypeName();
        if (element instanceof io.camunda.zeebe.model.bpmn.instance.Event event) {
            Collection<EventDefinition> definitions = List.of();
            if (event instanceof io.camunda.zeebe.model.bpmn.instance.CatchEvent catchEvent) {
                definitions = catchEvent.getEventDefinitions();
            } else if (event instanceof io.camunda.zeebe.model.bpmn.instance.ThrowEvent throwEvent) {
                definitions = throwEvent.getEventDefinitions();
            }
            if (!definitions.isEmpty()) {
                kind = kind + " with " + definitions.iterator().next().getElementType().getTypeName();
            }
        }
        return "a " + kind;
    }

    private void configureMultiInstance(Activity activity, ExecutableElement element, ModelProblems problems) {
        if (!(activity.getLoopCharacteristics() instanceof io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics loop)) {
            return;
        }
        var zeebe = loop.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics.class);
        if (zeebe == null || zeebe.getInputCollection() == null || zeebe.getInputCollection().isBlank()) {
            problems.add(element.id(), "Must have an input collection ('zeebe:loopCharacteristics inputCollection')");
            return;
        }
        String condition = loop.getCompletionCondition() == null ? null : loop.getCompletionCondition().getTextContent();
        element.multiInstance(new MultiInstanceDefinition(loop.isSequential(),
                expressions.parse(zeebe.getInputCollection().strip()),
                blankToNull(zeebe.getInputElement()),
                blankToNull(zeebe.getOutputCollection()),
                optional(zeebe.getOutputElement()),
                optional(condition)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void configure(FlowElement flowElement, ExecutableElement element, ModelProblems problems) {
        if (flowElement instanceof Activity activity) {
            configureMultiInstance(activity, element, problems);
        }
        ZeebeIoMapping io = flowElement.getSingleExtensionElement(ZeebeIoMapping.class);
        if (io != null) {
            element.mappings(mappings(io.getInputs()), mappings(io.getOutputs()));
        }
        ZeebeTaskDefinition task = flowElement.getSingleExtensionElement(ZeebeTaskDefinition.class);
        if (task != null) {
            element.job(new JobDefinition(
                    expressions.parse(task.getType()),
                    expressions.parse(task.getRetries() == null ? DEFAULT_RETRIES : task.getRetries()),
                    headers(flowElement.getSingleExtensionElement(ZeebeTaskHeaders.class))));
        }
        if (flowElement instanceof ServiceTask || flowElement instanceof SendTask) {
            requireJob(element, problems);
        } else if (flowElement instanceof ScriptTask script) {
            configureScript(script, element, problems);
        } else if (flowElement instanceof BusinessRuleTask rule) {
            configureDecision(rule, element, problems);
        } else if (flowElement instanceof CallActivity call) {
            configureCall(call, element, problems);
        } else if (flowElement instanceof EndEvent end) {
            configureEndEvent(end, element);
        } else if (flowElement instanceof BoundaryEvent boundary && isErrorEvent(boundary.getEventDefinitions())) {
            element.event(ExecutableElement.EventKind.ERROR, errorCode(boundary.getEventDefinitions()).orElse(null));
        } else if (flowElement instanceof StartEvent start && isErrorEvent(start.getEventDefinitions())) {
            element.event(ExecutableElement.EventKind.ERROR, errorCode(start.getEventDefinitions()).orElse(null));
        }
        if (flowElement instanceof StartEvent start && start.getParentElement() instanceof SubProcess parent && parent.triggeredByEvent()) {
            element.interrupting(start.isInterrupting());
        }
        if (flowElement instanceof io.camunda.zeebe.model.bpmn.instance.CatchEvent event && isTimerEvent(event.getEventDefinitions())) {
            configureTimer((TimerEventDefinition) event.getEventDefinitions().iterator().next(), element, problems);
        }
        if (flowElement instanceof io.camunda.zeebe.model.bpmn.instance.CatchEvent event && isMessageEvent(event.getEventDefinitions())) {
            configureMessage(((MessageEventDefinition) event.getEventDefinitions().iterator().next()).getMessage(),
                    element, flowElement instanceof StartEvent, problems);
        }
        if (flowElement instanceof io.camunda.zeebe.model.bpmn.instance.CatchEvent event && isSignalEvent(event.getEventDefinitions())) {
            var signal = ((io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition) event.getEventDefinitions().iterator().next())
                    .getSignal();
            if (signal == null || signal.getName() == null || signal.getName().isBlank()) {
                problems.add(element.id(), "Must reference a signal with a name");
            } else {
                element.signal(expressions.parse(signal.getName().strip()));
            }
        }
        if (flowElement instanceof io.camunda.zeebe.model.bpmn.instance.Event event && isEscalationEvent(eventDefinitions(event))) {
            var escalation = ((io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition) eventDefinitions(event).iterator().next())
                    .getEscalation();
            String code = escalation == null ? null : escalation.getEscalationCode();
            boolean throwing = !(event instanceof io.camunda.zeebe.model.bpmn.instance.CatchEvent);
            if (throwing && (code == null || code.isBlank())) {
                problems.add(element.id(), "Must reference an escalation with an escalation code");
            } else {
                element.escalation(code == null || code.isBlank() ? null : expressions.parse(code.strip()));
            }
        }
        if (flowElement instanceof ReceiveTask receive) {
            configureMessage(receive.getMessage(), element, false, problems);
        }
        if (flowElement instanceof io.camunda.zeebe.model.bpmn.instance.UserTask) {
            configureUserTask(flowElement, element);
        }
    }

    private void configureUserTask(FlowElement task, ExecutableElement element) {
        var assignment = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition.class);
        var schedule = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule.class);
        var priority = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition.class);
        var form = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition.class);
        element.userTask(new UserTaskDefinition(
                optional(assignment == null ? null : assignment.getAssignee()),
                optional(assignment == null ? null : assignment.getCandidateGroups()),
                optional(assignment == null ? null : assignment.getCandidateUsers()),
                optional(schedule == null ? null : schedule.getDueDate()),
                optional(schedule == null ? null : schedule.getFollowUpDate()),
                optional(priority == null ? null : priority.getPriority()),
                form == null || form.getFormId() == null || form.getFormId().isBlank() ? null : form.getFormId().strip(),
                form == null || form.getExternalReference() == null || form.getExternalReference().isBlank()
                        ? null : form.getExternalReference().strip()));
    }

    private Expression optional(String value) {
        return value == null || value.isBlank() ? null : expressions.parse(value.strip());
    }

    private void configureMessage(Message message, ExecutableElement element, boolean startEvent, ModelProblems problems) {
        if (message == null || message.getName() == null || message.getName().isBlank()) {
            problems.add(element.id(), "Must reference a message with a name");
            return;
        }
        ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
        String correlationKey = subscription == null ? null : subscription.getCorrelationKey();
        if (!startEvent && (correlationKey == null || correlationKey.isBlank())) {
            problems.add(element.id(), "Must have a correlation key ('zeebe:subscription correlationKey') on message '"
                    + message.getName() + "'");
            return;
        }
        element.message(new MessageDefinition(expressions.parse(message.getName().strip()),
                correlationKey == null || correlationKey.isBlank() ? null : expressions.parse(correlationKey.strip())));
    }

    private void configureTimer(TimerEventDefinition definition, ExecutableElement element, ModelProblems problems) {
        TimerDefinition timer;
        if (definition.getTimeDate() != null) {
            timer = new TimerDefinition(TimerDefinition.Kind.DATE, expressions.parse(definition.getTimeDate().getTextContent().strip()));
        } else if (definition.getTimeDuration() != null) {
            timer = new TimerDefinition(TimerDefinition.Kind.DURATION,
                    expressions.parse(definition.getTimeDuration().getTextContent().strip()));
        } else if (definition.getTimeCycle() != null) {
            timer = new TimerDefinition(TimerDefinition.Kind.CYCLE, expressions.parse(definition.getTimeCycle().getTextContent().strip()));
        } else {
            problems.add(element.id(), "a timer event needs a time date, a time duration or a time cycle");
            return;
        }
        if (timer.value() instanceof Expression.Static fixed) {
            // A fixed value is checked now, so a typo fails the deployment rather than a running instance.
            try {
                TimerSchedule.first(timer.kind(), fixed.value(), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            } catch (TimerSchedule.InvalidTimerException e) {
                problems.add(element.id(), e.getMessage());
                return;
            }
        }
        element.timer(timer);
    }

    private List<VariableMapping> mappings(Collection<? extends ZeebeMapping> mappings) {
        return mappings.stream()
                .map(mapping -> new VariableMapping(expressions.parseFeel(mapping.getSource()), mapping.getTarget()))
                .toList();
    }

    private static Map<String, String> headers(ZeebeTaskHeaders headers) {
        Map<String, String> result = new LinkedHashMap<>();
        if (headers != null) {
            for (ZeebeHeader header : headers.getHeaders()) {
                result.put(header.getKey(), header.getValue());
            }
        }
        return result;
    }

    private static void requireJob(ExecutableElement element, ModelProblems problems) {
        if (element.job().isEmpty()) {
            problems.add(element.id(), "Must have exactly one 'zeebe:taskDefinition' extension element");
        }
    }

    private void configureScript(ScriptTask task, ExecutableElement element, ModelProblems problems) {
        ZeebeScript script = task.getSingleExtensionElement(ZeebeScript.class);
        if (script != null) {
            element.script(new ScriptDefinition(expressions.parseFeel(script.getExpression()), script.getResultVariable()));
        } else {
            requireJob(element, problems);
        }
    }

    private void configureDecision(BusinessRuleTask task, ExecutableElement element, ModelProblems problems) {
        ZeebeCalledDecision decision = task.getSingleExtensionElement(ZeebeCalledDecision.class);
        if (decision != null) {
            element.decision(new DecisionCall(expressions.parse(decision.getDecisionId()), decision.getResultVariable()));
        } else {
            requireJob(element, problems);
        }
    }

    private void configureCall(CallActivity call, ExecutableElement element, ModelProblems problems) {
        ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
        if (called == null) {
            problems.add(element.id(), "Must have exactly one 'zeebe:calledElement' extension element");
            return;
        }
        element.call(new ProcessCall(expressions.parse(called.getProcessId()),
                called.isPropagateAllParentVariablesEnabled(), called.isPropagateAllChildVariablesEnabled()));
    }

    private void configureEndEvent(EndEvent end, ExecutableElement element) {
        Collection<EventDefinition> definitions = end.getEventDefinitions();
        if (definitions.isEmpty()) {
            return;
        }
        if (definitions.iterator().next() instanceof TerminateEventDefinition) {
            element.event(ExecutableElement.EventKind.TERMINATE, null);
        } else if (isErrorEvent(definitions)) {
            element.event(ExecutableElement.EventKind.ERROR, errorCode(definitions).orElse(null));
        }
    }

    private Optional<Expression> errorCode(Collection<EventDefinition> definitions) {
        return definitions.stream()
                .filter(ErrorEventDefinition.class::isInstance)
                .map(ErrorEventDefinition.class::cast)
                .map(ErrorEventDefinition::getError)
                .filter(error -> error != null && error.getErrorCode() != null && !error.getErrorCode().isBlank())
                .map(error -> expressions.parse(error.getErrorCode()))
                .findFirst();
    }

    private void connect(Process process, Map<String, ExecutableElement> elements, ModelProblems problems) {
        for (io.camunda.zeebe.model.bpmn.instance.SequenceFlow flow :
                process.getModelInstance().getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.SequenceFlow.class)) {
            ExecutableElement source = elements.get(flow.getSource().getId());
            ExecutableElement target = elements.get(flow.getTarget().getId());
            if (source == null || target == null) {
                continue;
            }
            FeelExpression condition = null;
            if (flow.getConditionExpression() != null && flow.getConditionExpression().getTextContent() != null
                    && !flow.getConditionExpression().getTextContent().isBlank()) {
                try {
                    condition = expressions.parseFeel(flow.getConditionExpression().getTextContent().strip());
                } catch (InvalidExpressionException e) {
                    problems.add(flow.getId(), e.getMessage());
                }
            }
            SequenceFlow executable = new SequenceFlow(flow.getId(), source.id(), target.id(), condition);
            source.addOutgoing(executable);
            target.addIncoming(executable);
            if (flow.getSource() instanceof ExclusiveGateway gateway && gateway.getDefault() == flow
                    || flow.getSource() instanceof io.camunda.zeebe.model.bpmn.instance.InclusiveGateway inclusive
                    && inclusive.getDefault() == flow) {
                source.defaultFlow(executable);
            }
        }
    }

    private static void attachBoundaryEvents(Map<String, ExecutableElement> elements, Process process, ModelProblems problems) {
        for (BoundaryEvent boundary : process.getModelInstance().getModelElementsByType(BoundaryEvent.class)) {
            ExecutableElement event = elements.get(boundary.getId());
            Activity activity = boundary.getAttachedTo();
            if (event == null || activity == null) {
                continue;
            }
            ExecutableElement attachedTo = elements.get(activity.getId());
            if (attachedTo == null) {
                problems.add(boundary.getId(), "is attached to an element the engine does not run");
                continue;
            }
            event.attachedTo(attachedTo, boundary.cancelActivity());
            attachedTo.addBoundaryEvent(event);
        }
    }

    private static void requireTriggerEvent(ExecutableElement eventSubProcess, ModelProblems problems) {
        if (eventSubProcess.triggerEvent().filter(start -> start.eventKind() != ExecutableElement.EventKind.NONE).isEmpty()) {
            problems.add(eventSubProcess.id(), "Must have exactly one timer, message, signal, error or escalation start event");
        }
    }

    private static void requireNoneStartEvent(ExecutableElement scope, ModelProblems problems) {
        if (scope.noneStartEvent().isEmpty()) {
            problems.add(scope.id(), "Must have exactly one none start event");
        }
    }

    private static String idOf(Object element) {
        if (element instanceof BaseElement base && base.getId() != null) {
            return base.getId();
        }
        return String.valueOf(element);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
