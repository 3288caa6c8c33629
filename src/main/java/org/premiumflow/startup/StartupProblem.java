package org.premiumflow.startup;

/**
 * Something in the environment or configuration that keeps the application from starting and
 * that an operator can fix. Reported as one line naming the problem and the fix, without a stack
 * trace, by {@link StartupProblemFailureAnalyzer}.
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    public StartupProblem(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String description() {
        return getMessage();
    }

    public String action() {
        return action;
    }
}
