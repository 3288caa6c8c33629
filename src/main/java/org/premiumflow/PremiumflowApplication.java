package org.premiumflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PremiumflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(PremiumflowApplication.class, args);
    }
}
