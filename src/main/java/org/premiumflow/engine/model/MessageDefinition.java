package org.premiumflow.engine.model;

import java.util.Optional;
import org.premiumflow.engine.expression.Expression;

/**
 * The message a catch event, receive task or message start event waits for: its name, and the
 * correlation key that picks the waiting instance (evaluated when the element is entered; a
 * start event has none).
 */
public record MessageDefinition(Expression name, Expression correlationKey) {

    public Optional<Expression> correlationKeyExpression() {
        return Optional.ofNullable(correlationKey);
    }
}
