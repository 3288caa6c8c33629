package org.premiumflow.engine.runtime;

import org.premiumflow.engine.model.ExecutableElement;
import org.premiumflow.engine.model.SequenceFlow;

/**
 * An event-based gateway waits for whichever of the catch events after it occurs first: it
 * opens all their timers and message subscriptions on entry; the first to fire wins and the
 * rest are withdrawn.
 */
final class EventBasedGatewayBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        for (SequenceFlow flow : instance.element().outgoing()) {
            ExecutableElement event = instance.process().process().require(flow.targetId());
            if (event.eventKind() == ExecutableElement.EventKind.TIMER) {
                execution.scheduleTimer(event, instance);
            } else if (event.eventKind() == ExecutableElement.EventKind.SIGNAL) {
                execution.subscribeSignal(event, instance);
            } else {
                execution.subscribe(event, instance);
            }
        }
        execution.activated(instance);
        execution.correlateBuffered(instance);
    }
}
