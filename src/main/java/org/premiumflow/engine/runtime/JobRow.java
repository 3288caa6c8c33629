package org.premiumflow.engine.runtime;

import java.time.OffsetDateTime;

/** A job as stored. */
public record JobRow(
        long key,
        String type,
        String state,
        int retries,
        String worker,
        OffsetDateTime deadline,
        String errorMessage,
        String customHeaders,
        long elementInstanceKey,
        String elementId,
        long processInstanceKey,
        long processDefinitionKey,
        String bpmnProcessId,
        int version,
        String tenantId) {

    /** Waiting for a worker. */
    public static final String ACTIVATABLE = "ACTIVATABLE";
    /** Handed to a worker until its deadline. */
    public static final String ACTIVATED = "ACTIVATED";
    /** Failed with retries left, waiting out its back-off. */
    public static final String FAILED_BACKOFF = "FAILED_BACKOFF";
    /** Failed without retries left: an incident waits for an operator. */
    public static final String FAILED = "FAILED";
    /** A worker threw a BPMN error nobody caught: an incident waits for an operator. */
    public static final String ERROR_THROWN = "ERROR_THROWN";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELED = "CANCELED";
}
