package org.premiumflow.engine.deployment;

import java.util.List;

/** A deployment refused as a whole: nothing of it is stored. */
public class InvalidDeploymentException extends RuntimeException {

    private final List<String> problems;

    public InvalidDeploymentException(List<String> problems) {
        super("Expected to deploy new resources, but encountered the following errors:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
