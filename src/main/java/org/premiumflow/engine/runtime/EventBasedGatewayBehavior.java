package org.premiumflow.engine.runtime;

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
            execution.subscriptions().open(instance.process().process().require(flow.targetId()), instance);
        }
        execution.activated(instance);
        execution.correlateBuffered(instance);
    }
}
