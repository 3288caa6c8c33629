package org.premiumflow.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The business clock. It is the primary {@link java.time.Clock}, so a domain class asking for a
 * clock gets this one, while the embedded engine keeps its own (moved through the Camunda clock API).
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    @Primary
    ExchangeClock exchangeClock() {
        return ExchangeClock.system();
    }
}
