package org.premiumflow.engine.runtime;

/**
 * An error boundary event is activated only by {@link Execution#throwError} when it catches; it
 * then completes with the error's variables and takes its outgoing flows.
 */
final class BoundaryEventBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        execution.activated(instance);
        execution.complete(instance);
    }
}
