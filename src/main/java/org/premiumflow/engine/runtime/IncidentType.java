package org.premiumflow.engine.runtime;

/** Why an instance is stuck, named as the Camunda client's incident error types name it. */
public enum IncidentType {
    JOB_NO_RETRIES,
    CONDITION_ERROR,
    EXTRACT_VALUE_ERROR,
    CALLED_ELEMENT_ERROR,
    UNHANDLED_ERROR_EVENT,
    CALLED_DECISION_ERROR,
    DECISION_EVALUATION_ERROR,
    FORM_NOT_FOUND
}
