package org.premiumflow.engine.model;

import java.util.ArrayList;
import java.util.List;

/** What is wrong with a model, one entry per element, in the form Zeebe reports it. */
final class ModelProblems {

    private final List<String> problems = new ArrayList<>();

    void add(String elementId, String message) {
        problems.add("Element: " + elementId + "\n    ERROR: " + message);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<String> list() {
        return List.copyOf(problems);
    }
}
