package org.premiumflow.engine.runtime;

import java.time.OffsetDateTime;
import java.util.Map;

/** A job handed to a worker, with the variables it asked for. */
public record ActivatedJob(JobRow job, String worker, OffsetDateTime deadline, Map<String, Object> variables,
                           Map<String, Object> customHeaders, long rootProcessInstanceKey) {
}
