package org.premiumflow.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices go out.
 *
 * @param from the sender members see, with a display name
 */
@ConfigurationProperties("premiumflow.notices")
public record NoticeProperties(
        @DefaultValue("Health Connector premium services <notices@premiumflow.example>") String from) {
}
