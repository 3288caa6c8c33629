package org.premiumflow.engine.runtime;

import org.premiumflow.engine.model.ExecutableElement;

/**
 * An intermediate throw event passes straight through; an escalation throw event escalates
 * first, and goes on unless an interrupting catch ended its scope.
 */
final class ThrowEventBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        execution.activated(instance);
        if (instance.element().eventKind() == ExecutableElement.EventKind.ESCALATION) {
            String code = String.valueOf(instance.element().escalationCode().orElseThrow()
                    .evaluate(execution.variables().visible(instance.key())));
            execution.escalate(instance, code);
        }
        execution.complete(instance);
    }
}
