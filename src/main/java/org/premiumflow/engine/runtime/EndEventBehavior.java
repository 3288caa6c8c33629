package org.premiumflow.engine.runtime;

import java.util.Map;
import org.premiumflow.engine.model.ExecutableElement;

/**
 * A none end event ends its token; an error end event throws its error; an escalation end event
 * escalates and ends its token; a terminate end event ends every other token of its flow scope,
 * which then completes.
 */
final class EndEventBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        ExecutableElement element = instance.element();
        switch (element.eventKind()) {
            case ERROR -> {
                String code = String.valueOf(element.errorCode().orElseThrow()
                        .evaluate(execution.variables().visible(instance.key())));
                execution.activated(instance);
                execution.throwError(instance, code, null, Map.of(), null);
            }
            case TERMINATE -> {
                execution.activated(instance);
                execution.terminateFlowScope(instance);
                execution.complete(instance);
            }
            case ESCALATION -> {
                String code = String.valueOf(element.escalationCode().orElseThrow()
                        .evaluate(execution.variables().visible(instance.key())));
                execution.activated(instance);
                execution.escalate(instance, code);
                execution.complete(instance);
            }
            default -> {
                execution.activated(instance);
                execution.complete(instance);
            }
        }
    }
}
