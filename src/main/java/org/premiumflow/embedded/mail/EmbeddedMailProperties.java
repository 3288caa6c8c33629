package org.premiumflow.embedded.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded SMTP server that receives the application's mail when no {@code spring.mail.host}
 * is configured; what it receives is readable at {@code /outbox}.
 *
 * @param port the SMTP port on the loopback interface, 0 for any free one
 */
@ConfigurationProperties("premiumflow.embedded.mail")
public record EmbeddedMailProperties(@DefaultValue("0") int port) {
}
