package org.premiumflow.engine.runtime;

/**
 * Thrown inside a step that cannot go on (a FEEL failure, a missing decision): the step stops
 * before changing anything, and the command records an incident on the element instead.
 */
public class IncidentRaised extends RuntimeException {

    private final IncidentType type;

    public IncidentRaised(IncidentType type, String message) {
        super(message);
        this.type = type;
    }

    public IncidentType type() {
        return type;
    }
}
