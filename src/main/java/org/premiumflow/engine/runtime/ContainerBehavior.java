package org.premiumflow.engine.runtime;

/** A process or embedded sub-process: starts at its start event, completes when its last token ends. */
final class ContainerBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        execution.activated(instance);
        execution.activate(execution.startEventOf(instance), instance);
    }
}
