package org.premiumflow.engine.runtime;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.premiumflow.engine.InvalidArgumentException;
import org.premiumflow.engine.InvalidStateException;
import org.premiumflow.engine.NotFoundException;
import org.premiumflow.engine.deployment.DeployedModels;
import org.premiumflow.engine.store.EngineDatabase;
import org.premiumflow.engine.store.History;
import org.premiumflow.engine.store.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing messages. A message goes to every open subscription waiting for its name and
 * correlation key, once per process, and starts the processes whose message start event waits
 * for its name; with a time to live it is kept for subscriptions opened later. Each delivery is
 * a command of its own on the receiving instance.
 */
public final class Messages {

    private static final Logger log = LoggerFactory.getLogger(Messages.class);

    private final TransactionTemplate transactions;
    private final RuntimeStore store;
    private final Keys keys;
    private final History history;
    private final Commands commands;
    private final DeployedModels models;

    public Messages(EngineDatabase database, RuntimeStore store, Keys keys, History history, Commands commands,
                    DeployedModels models) {
        this.transactions = database.transactions();
        this.store = store;
        this.keys = keys;
        this.history = history;
        this.commands = commands;
        this.models = models;
    }

    public record Publication(String name, String correlationKey, Duration timeToLive, String messageId,
                              Map<String, Object> variables, String tenantId) {
    }

    private record Receivers(List<MessageStore.Subscription> subscriptions, List<MessageStore.StartEvent> startEvents) {
    }

    /** Publishes a message; answers its key. */
    public long publish(Publication publication) {
        if (publication.name() == null || publication.name().isBlank()) {
            throw new InvalidArgumentException("No name provided");
        }
        if (publication.timeToLive().isNegative()) {
            throw new InvalidArgumentException("The value for timeToLive is '" + publication.timeToLive().toMillis()
                    + "' but must be 0 or greater.");
        }
        String correlationKey = publication.correlationKey() == null ? "" : publication.correlationKey();
        MessageStore.Message message = new MessageStore.Message(keys.next(), publication.name(), correlationKey,
                publication.variables(), publication.tenantId());
        Receivers receivers = transactions.execute(status -> {
            store.messages().lockCorrelation(message.tenantId(), message.name(), correlationKey);
            OffsetDateTime now = store.now();
            if (!publication.timeToLive().isZero()
                    && !store.messages().buffer(message, publication.messageId(), now, now.plus(publication.timeToLive()))) {
                throw new InvalidStateException("Expected to publish a new message with id '" + publication.messageId()
                        + "', but a message with that id was already published");
            }
            history.record("MESSAGE", "PUBLISHED", message.key(), null, null, null);
            return new Receivers(store.messages().openSubscriptions(message.tenantId(), message.name(), correlationKey),
                    store.messages().startEvents(message.tenantId(), message.name()));
        });
        for (MessageStore.Subscription subscription : receivers.subscriptions()) {
            deliver(subscription, message);
        }
        for (MessageStore.StartEvent start : receivers.startEvents()) {
            models.process(start.processDefinitionKey()).ifPresent(version -> commands.onNewInstance(execution -> {
                execution.startByMessage(version, version.process().require(start.elementId()), message);
                return null;
            }));
        }
        return message.key();
    }

    private void deliver(MessageStore.Subscription subscription, MessageStore.Message message) {
        try {
            commands.onInstance(subscription.processInstanceKey(), "no process instance " + subscription.processInstanceKey(),
                    execution -> execution.correlate(subscription.key(), message));
        } catch (NotFoundException e) {
            log.debug("Message {} found subscription {} of an instance that is gone", message.key(), subscription.key());
        }
    }

    /** Drops messages whose time to live has ended. */
    public int deleteExpired() {
        return transactions.execute(status -> store.messages().deleteExpired(store.now()));
    }
}
