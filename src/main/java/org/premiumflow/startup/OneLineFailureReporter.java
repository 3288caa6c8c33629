package org.premiumflow.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a start-up failure that Spring Boot or we could explain as a single log line: what is
 * wrong, then what to do. Operators read it in a terminal or a log aggregator, where Spring
 * Boot's multi-line banner is easy to lose between other lines.
 */
class OneLineFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger("org.premiumflow.startup");

    @Override
    public void report(FailureAnalysis analysis) {
        String action = analysis.getAction() == null ? "" : " Fix: " + sentence(analysis.getAction());
        log.error("premiumflow did not start: {}{}", sentence(analysis.getDescription()), action);
    }

    private static String sentence(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.endsWith(".") ? line : line + ".";
    }
}
