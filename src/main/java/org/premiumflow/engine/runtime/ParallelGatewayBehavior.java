package org.premiumflow.engine.runtime;

/**
 * Activated once a token has arrived on every incoming flow (see {@link Execution#takeFlow});
 * takes every outgoing flow.
 */
final class ParallelGatewayBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        execution.activated(instance);
        execution.complete(instance);
    }
}
