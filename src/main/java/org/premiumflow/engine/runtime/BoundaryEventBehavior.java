package org.premiumflow.engine.runtime;

/**
 * A boundary event is activated only when it occurs (an error caught, a timer fired); it then
 * completes with the event's variables and takes its outgoing flows.
 */
final class BoundaryEventBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        execution.activated(instance);
        execution.complete(instance);
    }
}
