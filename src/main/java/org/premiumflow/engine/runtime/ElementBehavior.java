package org.premiumflow.engine.runtime;

import java.util.List;
import org.premiumflow.engine.model.SequenceFlow;

/**
 * What one kind of BPMN element does at each step of its lifecycle. The shared steps (input and
 * output mappings, taking flows, incidents, variable propagation) live in {@link Execution}.
 */
interface ElementBehavior {

    /** The element instance is active and its input mappings are applied: start its work or complete it. */
    void activate(Execution execution, ElementInstance instance);

    /** The flows to take when the element completes. Default: every outgoing flow (a parallel split). */
    default List<SequenceFlow> outgoing(Execution execution, ElementInstance instance) {
        return instance.element().outgoing();
    }

    /** The element instance is being terminated: withdraw whatever it waits on. */
    default void terminate(Execution execution, ElementInstance instance) {
    }
}
