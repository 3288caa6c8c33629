package org.premiumflow.engine.runtime;

import org.premiumflow.engine.model.ExecutableElement;

/**
 * An intermediate catch event or a receive task waits for its timer to fire, its message to be
 * correlated or its signal to be broadcast; a message published before it started waiting is taken at once. Leaving it
 * withdraws the timer or subscription.
 */
final class CatchEventBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        execution.subscriptions().open(instance.element(), instance);
        execution.activated(instance);
        if (instance.element().eventKind() == ExecutableElement.EventKind.MESSAGE) {
            execution.correlateBuffered(instance);
        }
    }
}
