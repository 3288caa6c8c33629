package org.premiumflow.engine.expression;

import java.time.Clock;
import java.time.ZoneOffset;
import org.camunda.feel.api.FailedParseResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Parses model properties the way Zeebe reads them: text starting with {@code =} is a FEEL
 * expression, anything else a fixed value. FEEL's {@code now()} reads the engine clock.
 */
public final class ExpressionLanguage {

    private final FeelEngineApi feel;

    public ExpressionLanguage(Clock clock) {
        this.feel = FeelEngineBuilder.forJava()
                .withClock(() -> clock.instant().atZone(ZoneOffset.UTC))
                .build();
    }

    public FeelEngineApi feel() {
        return feel;
    }

    /** A property that may be fixed text or {@code =expression}. */
    public Expression parse(String text) {
        if (text != null && text.startsWith("=")) {
            return parseFeel(text.substring(1));
        }
        return new Expression.Static(text);
    }

    /** A property that is always FEEL, with or without the leading {@code =} (conditions, mapping sources). */
    public FeelExpression parseFeel(String source) {
        String expression = source.startsWith("=") ? source.substring(1) : source;
        ParseResult result = feel.parseExpression(expression);
        if (result.isFailure()) {
            String reason = result instanceof FailedParseResult failed ? failed.failure().message() : "not a FEEL expression";
            throw new InvalidExpressionException("failed to parse expression '" + expression + "': " + reason);
        }
        return new FeelExpression(expression, result.parsedExpression(), feel);
    }
}
