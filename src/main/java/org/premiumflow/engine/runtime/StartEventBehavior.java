package org.premiumflow.engine.runtime;

/** A none start event passes straight through. */
final class StartEventBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        execution.activated(instance);
        execution.complete(instance);
    }
}
