package org.premiumflow.engine.runtime;

import org.premiumflow.engine.model.ExecutableElement;

/**
 * A process or embedded sub-process: starts at its start event, completes when its last token
 * ends. While it is active, the timers, message and signal subscriptions of the event sub-processes
 * inside it are open.
 */
final class ContainerBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        for (ExecutableElement eventSubProcess : instance.element().eventSubProcesses()) {
            execution.subscriptions().open(eventSubProcess.triggerEvent().orElseThrow(), instance);
        }
        execution.activated(instance);
        execution.activate(execution.startEventOf(instance), instance);
    }
}
