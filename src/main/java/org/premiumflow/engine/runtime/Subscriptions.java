package org.premiumflow.engine.runtime;

import java.math.BigDecimal;
import java.util.Map;
import org.premiumflow.engine.expression.Expression;
import org.premiumflow.engine.model.ElementType;
import org.premiumflow.engine.model.ExecutableElement;
import org.premiumflow.engine.model.TimerSchedule;
import org.premiumflow.engine.store.History;
import org.premiumflow.engine.store.Keys;

/**
 * What element instances wait on: timers, message subscriptions and signal subscriptions. An
 * owner is the instance that waits: a catch event or receive task itself, the activity of a
 * boundary event, an event-based gateway for the events after it, or the scope of an event
 * sub-process. Values (dates, names, correlation keys) are evaluated when the wait begins, in the
 * owner's scope.
 */
final class Subscriptions {

    private final RuntimeStore store;
    private final Keys keys;
    private final History history;
    private final Variables variables;

    Subscriptions(RuntimeStore store, Keys keys, History history, Variables variables) {
        this.store = store;
        this.keys = keys;
        this.history = history;
        this.variables = variables;
    }

    /** Whether instances of an element may hold timers or subscriptions, their own or those of their boundary events or event sub-processes. */
    static boolean mayHold(ExecutableElement element) {
        return element.timer().isPresent() || element.message().isPresent() || element.signalName().isPresent()
                || element.type() == ElementType.EVENT_BASED_GATEWAY
                || element.eventSubProcesses().stream().anyMatch(eventSubProcess -> eventSubProcess.triggerEvent()
                        .filter(trigger -> trigger.eventKind() != ExecutableElement.EventKind.ERROR).isPresent())
                || element.boundaryEvents().stream().anyMatch(boundary -> boundary.eventKind() != ExecutableElement.EventKind.ERROR);
    }

    /** Starts waiting for an event, by its kind; errors and escalations are caught when thrown, not waited for. */
    void open(ExecutableElement event, ElementInstance owner) {
        switch (event.eventKind()) {
            case TIMER -> timer(event, owner);
            case MESSAGE -> message(event, owner);
            case SIGNAL -> signal(event, owner);
            default -> {
            }
        }
    }

    /** Creates the timer of a timer event; a value that is not a valid date, duration or cycle raises an incident. */
    void timer(ExecutableElement event, ElementInstance owner) {
        var definition = event.timer().orElseThrow();
        Object value = definition.value() instanceof Expression.Static fixed
                ? fixed.value() : definition.value().evaluate(variables.visible(owner.key()));
        TimerSchedule schedule;
        try {
            schedule = TimerSchedule.first(definition.kind(), value, store.now());
        } catch (TimerSchedule.InvalidTimerException e) {
            throw new IncidentRaised(IncidentType.EXTRACT_VALUE_ERROR, "Expected a valid timer for '" + event.id() + "', but "
                    + e.getMessage());
        }
        long key = keys.next();
        store.timers().insert(key, schedule, new TimerStore.Owner(event.id(), owner.key(), owner.processInstanceKey(),
                owner.process().key(), owner.process().bpmnProcessId(), owner.process().tenantId()), store.now());
        history.record("TIMER", "CREATED", key, owner.processInstanceKey(), event.id(), null);
    }

    /** Opens a message subscription; a correlation key that is neither text nor a number raises an incident. */
    void message(ExecutableElement event, ElementInstance owner) {
        var definition = event.message().orElseThrow();
        Map<String, Object> scope = variables.visible(owner.key());
        String name = String.valueOf(definition.name().evaluate(scope));
        Object correlationKey = definition.correlationKeyExpression().orElseThrow().evaluate(scope);
        if (!(correlationKey instanceof String) && !(correlationKey instanceof Number)) {
            throw new IncidentRaised(IncidentType.EXTRACT_VALUE_ERROR, "Failed to extract the correlation key for '"
                    + event.id() + "': The value must be either a string or a number, but was '" + correlationKey + "'.");
        }
        String key = correlationKey instanceof BigDecimal decimal ? decimal.toPlainString() : correlationKey.toString();
        store.messages().lockCorrelation(owner.process().tenantId(), name, key);
        long subscriptionKey = keys.next();
        store.messages().openSubscription(subscriptionKey, new MessageStore.Subscription(subscriptionKey, name, key, event.id(),
                owner.key(), owner.processInstanceKey(), owner.process().bpmnProcessId(), owner.process().tenantId()),
                owner.process().key(), store.now());
        history.record("MESSAGE_SUBSCRIPTION", "CREATED", subscriptionKey, owner.processInstanceKey(), event.id(), null);
    }

    /** Opens a signal subscription. */
    void signal(ExecutableElement event, ElementInstance owner) {
        String name = String.valueOf(event.signalName().orElseThrow().evaluate(variables.visible(owner.key())));
        long key = keys.next();
        store.signals().subscribe(key, name, event.id(), owner.key(), owner.processInstanceKey(), owner.process().tenantId(),
                store.now());
        history.record("SIGNAL_SUBSCRIPTION", "CREATED", key, owner.processInstanceKey(), event.id(), null);
    }

    /** The owner stops waiting: its timers are cancelled and its subscriptions deleted, as history records. */
    void close(ElementInstance owner) {
        for (long canceled : store.timers().cancelOf(owner.key())) {
            history.record("TIMER", "CANCELED", canceled, owner.processInstanceKey(), owner.element().id(), null);
        }
        for (long closed : store.messages().closeOf(owner.key())) {
            history.record("MESSAGE_SUBSCRIPTION", "DELETED", closed, owner.processInstanceKey(), owner.element().id(), null);
        }
        for (long closed : store.signals().closeOf(owner.key())) {
            history.record("SIGNAL_SUBSCRIPTION", "DELETED", closed, owner.processInstanceKey(), owner.element().id(), null);
        }
    }

    /** Withdraws whatever the owner waits on while it stays active: an interrupting event, or an activation tried again. */
    void withdraw(ElementInstance owner) {
        store.timers().cancelOf(owner.key());
        store.messages().closeOf(owner.key());
        store.signals().closeOf(owner.key());
    }
}
