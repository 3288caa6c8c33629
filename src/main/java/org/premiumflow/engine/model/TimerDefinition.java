package org.premiumflow.engine.model;

import org.premiumflow.engine.expression.Expression;

/**
 * When a timer event fires: at a date ({@code timeDate}), after a duration ({@code timeDuration})
 * or repeatedly ({@code timeCycle}). The value is ISO 8601 text or a FEEL expression producing it,
 * evaluated when the timer is created.
 */
public record TimerDefinition(Kind kind, Expression value) {

    public enum Kind { DATE, DURATION, CYCLE }
}
