package org.premiumflow.engine.model;

import java.util.Map;
import java.util.Optional;

/** A deployed process, ready to run: its root element and every element by id. */
public record ExecutableProcess(String bpmnProcessId, String name, ExecutableElement root, Map<String, ExecutableElement> elements) {

    public Optional<ExecutableElement> element(String elementId) {
        return Optional.ofNullable(elements.get(elementId));
    }

    public ExecutableElement require(String elementId) {
        ExecutableElement element = elements.get(elementId);
        if (element == null) {
            throw new IllegalStateException("Process " + bpmnProcessId + " has no element " + elementId);
        }
        return element;
    }
}
