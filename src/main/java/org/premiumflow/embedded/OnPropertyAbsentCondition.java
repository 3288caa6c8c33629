package org.premiumflow.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

class OnPropertyAbsentCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String property = (String) metadata
                .getAnnotationAttributes(ConditionalOnPropertyAbsent.class.getName())
                .get("value");
        String value = context.getEnvironment().getProperty(property);
        return StringUtils.hasText(value)
                ? ConditionOutcome.noMatch(property + " is set")
                : ConditionOutcome.match(property + " is not set");
    }
}
