package org.premiumflow.engine.runtime;

import java.util.EnumMap;
import java.util.Map;
import org.premiumflow.engine.decision.DecisionEvaluator;
import org.premiumflow.engine.model.ElementType;

/** Finds the behaviour of an element instance by the kind of its element. */
final class Behaviors {

    private final Map<ElementType, ElementBehavior> byType = new EnumMap<>(ElementType.class);
    private final ElementBehavior multiInstanceBody = new MultiInstanceBodyBehavior();

    Behaviors(DecisionEvaluator decisions) {
        JobTaskBehavior jobs = new JobTaskBehavior();
        ContainerBehavior containers = new ContainerBehavior();
        byType.put(ElementType.PROCESS, containers);
        byType.put(ElementType.SUB_PROCESS, containers);
        byType.put(ElementType.EVENT_SUB_PROCESS, containers);
        byType.put(ElementType.START_EVENT, new StartEventBehavior());
        byType.put(ElementType.END_EVENT, new EndEventBehavior());
        byType.put(ElementType.BOUNDARY_EVENT, new BoundaryEventBehavior());
        CatchEventBehavior catchEvents = new CatchEventBehavior();
        byType.put(ElementType.INTERMEDIATE_CATCH_EVENT, catchEvents);
        byType.put(ElementType.RECEIVE_TASK, catchEvents);
        byType.put(ElementType.USER_TASK, new UserTaskBehavior());
        byType.put(ElementType.INTERMEDIATE_THROW_EVENT, new ThrowEventBehavior());
        byType.put(ElementType.SERVICE_TASK, jobs);
        byType.put(ElementType.SEND_TASK, jobs);
        byType.put(ElementType.SCRIPT_TASK, new ScriptTaskBehavior(jobs));
        byType.put(ElementType.BUSINESS_RULE_TASK, new BusinessRuleTaskBehavior(jobs, decisions));
        byType.put(ElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayBehavior());
        byType.put(ElementType.PARALLEL_GATEWAY, new ParallelGatewayBehavior());
        byType.put(ElementType.EVENT_BASED_GATEWAY, new EventBasedGatewayBehavior());
        byType.put(ElementType.INCLUSIVE_GATEWAY, new InclusiveGatewayBehavior());
        byType.put(ElementType.CALL_ACTIVITY, new CallActivityBehavior());
    }

    ElementBehavior of(ElementInstance instance) {
        if (instance.isMultiInstanceBody()) {
            return multiInstanceBody;
        }
        ElementBehavior behavior = byType.get(instance.element().type());
        if (behavior == null) {
            throw new IllegalStateException("No behaviour for " + instance.element().type());
        }
        return behavior;
    }
}
