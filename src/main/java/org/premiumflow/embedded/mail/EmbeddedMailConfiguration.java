package org.premiumflow.embedded.mail;

import java.nio.charset.StandardCharsets;
import org.premiumflow.embedded.ConditionalOnPropertyAbsent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Without {@code spring.mail.host} the application delivers its mail to an embedded SMTP server.
 * The sender is a plain {@link JavaMailSenderImpl}, so Spring Boot's mail health check covers it
 * like a real server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPropertyAbsent("spring.mail.host")
class EmbeddedMailConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedSmtpServer embeddedSmtpServer(EmbeddedMailProperties properties) {
        return EmbeddedSmtpServer.start(properties);
    }

    @Bean
    JavaMailSenderImpl mailSender(EmbeddedSmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        return sender;
    }
}
