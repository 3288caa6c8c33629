package org.premiumflow.engine.model;

import java.util.List;

/** A resource that cannot be deployed, with every reason found. */
public class InvalidModelException extends RuntimeException {

    private final String resourceName;
    private final List<String> problems;

    public InvalidModelException(String resourceName, List<String> problems) {
        super("'" + resourceName + "': " + String.join("\n", problems));
        this.resourceName = resourceName;
        this.problems = List.copyOf(problems);
    }

    public String resourceName() {
        return resourceName;
    }

    public List<String> problems() {
        return problems;
    }
}
