package org.premiumflow.engine.runtime;

import java.util.Map;
import org.premiumflow.engine.InvalidArgumentException;
import org.premiumflow.engine.InvalidStateException;
import org.premiumflow.engine.NotFoundException;
import org.premiumflow.engine.search.SearchRequest;
import org.premiumflow.engine.search.SearchResult;

/**
 * User tasks as caseworkers' task lists see them: find, assign, unassign, complete. A task's
 * commands lock its instance tree like every other command; a task that has ended refuses them.
 */
public final class UserTasks {

    private final RuntimeStore store;
    private final Commands commands;

    public UserTasks(RuntimeStore store, Commands commands) {
        this.store = store;
        this.commands = commands;
    }

    public UserTaskRow get(long key) {
        return store.userTasks().find(key).orElseThrow(() -> notFound(key));
    }

    /** The form the task shows, as deployed. */
    public UserTaskStore.FormSchema form(long key) {
        UserTaskRow task = get(key);
        if (task.formKey() == null) {
            throw new NotFoundException("User task with key '" + key + "' has no linked form");
        }
        return store.userTasks().form(task.formKey()).orElseThrow(() -> new NotFoundException(
                "The form of user task with key '" + key + "' was not found"));
    }

    public SearchResult<UserTaskRow> search(SearchRequest request) {
        return store.userTasks().search(request);
    }

    /**
     * Gives the task to a person. Unless {@code allowOverride}, a task assigned to someone else
     * stays theirs.
     */
    public void assign(long key, String assignee, boolean allowOverride) {
        if (assignee == null || assignee.isBlank()) {
            throw new InvalidArgumentException("No assignee provided");
        }
        onOpenTask(key, "assign", task -> {
            if (!allowOverride && task.assignee() != null && !task.assignee().equals(assignee)) {
                throw new InvalidStateException("Command 'ASSIGN' rejected with code 'INVALID_STATE': Expected to assign user task"
                        + " with key '" + key + "', but it is already assigned");
            }
            store.userTasks().assign(key, assignee);
        });
    }

    public void unassign(long key) {
        onOpenTask(key, "unassign", task -> store.userTasks().assign(key, null));
    }

    /** Completes the task with the variables the person entered; its element completes and the flow goes on. */
    public void complete(long key, Map<String, Object> variables) {
        commands.onInstance(get(key).processInstanceKey(), notFoundMessage(key), execution -> {
            UserTaskRow task = open(key, "complete");
            store.userTasks().end(key, UserTaskRow.COMPLETED, store.now());
            execution.history().record("USER_TASK", "COMPLETED", key, task.processInstanceKey(), task.elementId(), null);
            execution.complete(execution.instance(task.elementInstanceKey()), variables, true);
            return null;
        });
    }

    private void onOpenTask(long key, String verb, java.util.function.Consumer<UserTaskRow> change) {
        commands.onInstance(get(key).processInstanceKey(), notFoundMessage(key), execution -> {
            UserTaskRow task = open(key, verb);
            change.accept(task);
            execution.history().record("USER_TASK", verb.toUpperCase(java.util.Locale.ROOT) + "ED", key, task.processInstanceKey(),
                    task.elementId(), null);
            return null;
        });
    }

    private UserTaskRow open(long key, String verb) {
        UserTaskRow task = store.userTasks().lock(key).orElseThrow(() -> notFound(key));
        if (!task.state().equals(UserTaskRow.CREATED)) {
            throw new InvalidStateException("Command '" + verb.toUpperCase(java.util.Locale.ROOT) + "' rejected with code"
                    + " 'INVALID_STATE': Expected to " + verb + " user task with key '" + key + "', but it is in state '"
                    + task.state() + "'");
        }
        return task;
    }

    private static NotFoundException notFound(long key) {
        return new NotFoundException(notFoundMessage(key));
    }

    private static String notFoundMessage(long key) {
        return "User task with key '" + key + "' not found";
    }
}
