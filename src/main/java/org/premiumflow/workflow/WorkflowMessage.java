package org.premiumflow.workflow;

import java.time.Duration;
import java.util.Map;

/**
 * A message for the processes: its name, the key it correlates by, an id that makes a repeated
 * publication harmless while the message is buffered, and its variables (never personal data).
 */
public record WorkflowMessage(String name, String correlationKey, String messageId, Duration timeToLive,
                              Map<String, Object> variables) {

    public WorkflowMessage {
        variables = Map.copyOf(variables);
    }
}
