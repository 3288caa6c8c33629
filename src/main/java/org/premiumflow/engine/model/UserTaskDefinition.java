package org.premiumflow.engine.model;

import org.premiumflow.engine.expression.Expression;

/**
 * What a Camunda user task ({@code zeebe:userTask}) hands to a person: who may or must work it,
 * when it is due, how urgent it is, and which form to show. Every property may be a FEEL
 * expression, evaluated when the task is created; absent ones are null.
 */
public record UserTaskDefinition(Expression assignee, Expression candidateGroups, Expression candidateUsers, Expression dueDate,
                                 Expression followUpDate, Expression priority, String formId, String externalFormReference) {
}
