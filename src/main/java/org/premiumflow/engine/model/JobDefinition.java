package org.premiumflow.engine.model;

import java.util.Map;
import org.premiumflow.engine.expression.Expression;

/** What a job-based task hands to workers: the job type, its retries and the static task headers. */
public record JobDefinition(Expression type, Expression retries, Map<String, String> headers) {
}
