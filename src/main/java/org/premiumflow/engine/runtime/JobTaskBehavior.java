package org.premiumflow.engine.runtime;

import java.math.BigDecimal;
import java.util.Map;
import org.premiumflow.engine.expression.Expression;
import org.premiumflow.engine.model.JobDefinition;

/** A task done by a job worker: creates the job, then waits for the job to complete, fail or throw. */
final class JobTaskBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        JobDefinition job = instance.element().job().orElseThrow();
        Map<String, Object> scope = job.type() instanceof Expression.Static && job.retries() instanceof Expression.Static
                ? Map.of()
                : execution.variables().visible(instance.key());
        String type = jobType(job.type().evaluate(scope), job.type().source());
        int retries = retries(job.retries().evaluate(scope), job.retries().source());
        execution.activated(instance);
        long key = execution.keys().next();
        execution.store().insertJob(key, type, retries, job.headers(), instance);
        execution.history().record("JOB", "CREATED", key, instance.processInstanceKey(), instance.element().id(), null);
        execution.jobCreated(type);
    }

    @Override
    public void terminate(Execution execution, ElementInstance instance) {
        execution.store().openJobOf(instance.key()).ifPresent(job -> {
            execution.store().updateJob(job, JobRow.CANCELED, job.retries(), job.errorMessage(), null);
            execution.history().record("JOB", "CANCELED", job.key(), instance.processInstanceKey(), instance.element().id(), null);
        });
    }

    private static String jobType(Object value, String source) {
        if (value instanceof String type && !type.isBlank()) {
            return type;
        }
        throw new IncidentRaised(IncidentType.EXTRACT_VALUE_ERROR,
                "Expected result of the expression '" + source + "' to be 'STRING', but was '" + FeelTypes.of(value) + "'.");
    }

    private static int retries(Object value, String source) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip()).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
        }
        throw new IncidentRaised(IncidentType.EXTRACT_VALUE_ERROR,
                "Expected result of the expression '" + source + "' to be 'NUMBER', but was '" + FeelTypes.of(value) + "'.");
    }
}
