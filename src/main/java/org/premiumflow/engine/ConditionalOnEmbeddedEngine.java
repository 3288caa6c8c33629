package org.premiumflow.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Marks every part of the embedded engine: all of it runs unless {@code embedded-engine.enabled}
 * is false, as it is when the application talks to a real Camunda cluster.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = "embedded-engine.enabled", matchIfMissing = true)
public @interface ConditionalOnEmbeddedEngine {
}
