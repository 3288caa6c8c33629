package org.premiumflow.engine.runtime;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.premiumflow.engine.expression.Expression;
import org.premiumflow.engine.model.TimerDefinition;
import org.premiumflow.engine.model.TimerSchedule;
import org.premiumflow.engine.model.UserTaskDefinition;

/**
 * A Camunda user task: entering it creates a task for a person, with its assignment, dates,
 * priority and form evaluated now; it waits until the task is completed through the API, and
 * leaving it any other way cancels the task.
 */
final class UserTaskBehavior implements ElementBehavior {

    private static final int DEFAULT_PRIORITY = 50;

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        UserTaskDefinition definition = instance.element().userTask().orElseThrow();
        Map<String, Object> scope = execution.variables().visible(instance.key());
        RuntimeStore store = execution.store();
        Long formKey = null;
        if (definition.formId() != null) {
            formKey = store.userTasks().latestForm(definition.formId(), instance.process().tenantId()).orElseThrow(() ->
                    new IncidentRaised(IncidentType.FORM_NOT_FOUND, "Expected to find a form with id '" + definition.formId()
                            + "', but no form with this id is found, at least a form with this id should be available."));
        }
        long key = execution.keys().next();
        store.userTasks().insert(new UserTaskRow(key, UserTaskRow.CREATED, instance.element().name().orElse(null),
                instance.element().id(), instance.key(), instance.processInstanceKey(),
                store.processInstance(instance.processInstanceKey()).orElseThrow().rootProcessInstanceKey(),
                instance.process().key(), instance.process().bpmnProcessId(), instance.process().version(),
                instance.process().tenantId(), text(definition.assignee(), scope, "assignee"),
                list(definition.candidateGroups(), scope, "candidateGroups"), list(definition.candidateUsers(), scope, "candidateUsers"),
                date(definition.dueDate(), scope, "dueDate", store.now()), date(definition.followUpDate(), scope, "followUpDate", store.now()),
                priority(definition.priority(), scope), formKey, definition.externalFormReference(), store.now(), null));
        execution.history().record("USER_TASK", "CREATED", key, instance.processInstanceKey(), instance.element().id(), null);
        execution.activated(instance);
    }

    @Override
    public void terminate(Execution execution, ElementInstance instance) {
        execution.store().userTasks().openOf(instance.key()).ifPresent(task -> {
            execution.store().userTasks().end(task.key(), UserTaskRow.CANCELED, execution.store().now());
            execution.history().record("USER_TASK", "CANCELED", task.key(), instance.processInstanceKey(), instance.element().id(), null);
        });
    }

    private static String text(Expression expression, Map<String, Object> scope, String property) {
        if (expression == null) {
            return null;
        }
        Object value = expression.evaluate(scope);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid(property, "a string", value);
        }
        return text.isBlank() ? null : text;
    }

    private static List<String> list(Expression expression, Map<String, Object> scope, String property) {
        if (expression == null) {
            return List.of();
        }
        Object value = expression.evaluate(scope);
        if (value instanceof String text) {
            return Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
        }
        if (value instanceof Collection<?> items && items.stream().allMatch(String.class::isInstance)) {
            return items.stream().map(String.class::cast).toList();
        }
        throw invalid(property, "a list of strings", value);
    }

    private static OffsetDateTime date(Expression expression, Map<String, Object> scope, String property, OffsetDateTime now) {
        if (expression == null) {
            return null;
        }
        Object value = expression.evaluate(scope);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return TimerSchedule.first(TimerDefinition.Kind.DATE, value, now).due();
        } catch (TimerSchedule.InvalidTimerException e) {
            throw invalid(property, "an ISO 8601 date and time", value);
        }
    }

    private static int priority(Expression expression, Map<String, Object> scope) {
        if (expression == null) {
            return DEFAULT_PRIORITY;
        }
        Object value = expression.evaluate(scope);
        try {
            int priority = new BigDecimal(String.valueOf(value)).intValueExact();
            if (priority >= 0 && priority <= 100) {
                return priority;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // not a whole number: the same incident as out of range
        }
        throw invalid("priority", "a whole number from 0 to 100", value);
    }

    private static IncidentRaised invalid(String property, String expected, Object value) {
        return new IncidentRaised(IncidentType.EXTRACT_VALUE_ERROR, "Expected the user task's " + property + " to be " + expected
                + ", but it was '" + value + "'");
    }
}
