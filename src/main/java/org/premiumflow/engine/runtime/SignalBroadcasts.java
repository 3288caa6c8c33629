package org.premiumflow.engine.runtime;

import java.util.List;
import java.util.Map;
import org.premiumflow.engine.InvalidArgumentException;
import org.premiumflow.engine.NotFoundException;
import org.premiumflow.engine.deployment.DeployedModels;
import org.premiumflow.engine.store.History;
import org.premiumflow.engine.store.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broadcasting signals: a signal reaches every element instance waiting for its name and starts
 * every process whose latest version has a signal start event for it. It is not kept for later.
 */
public final class SignalBroadcasts {

    private static final Logger log = LoggerFactory.getLogger(SignalBroadcasts.class);

    private final RuntimeStore store;
    private final Keys keys;
    private final History history;
    private final Commands commands;
    private final DeployedModels models;

    public SignalBroadcasts(RuntimeStore store, Keys keys, History history, Commands commands, DeployedModels models) {
        this.store = store;
        this.keys = keys;
        this.history = history;
        this.commands = commands;
        this.models = models;
    }

    /** Broadcasts a signal; answers its key. */
    public long broadcast(String signalName, Map<String, Object> variables, String tenantId) {
        if (signalName == null || signalName.isBlank()) {
            throw new InvalidArgumentException("No signalName provided");
        }
        long key = keys.next();
        history.record("SIGNAL", "BROADCAST", key, null, null, null);
        List<SignalStore.Subscription> waiting = store.signals().waitingFor(tenantId, signalName);
        for (SignalStore.Subscription subscription : waiting) {
            try {
                commands.onInstance(subscription.processInstanceKey(), "no process instance " + subscription.processInstanceKey(),
                        execution -> {
                            execution.signal(subscription.key(), variables);
                            return null;
                        });
            } catch (NotFoundException e) {
                log.debug("Signal {} found subscription {} of an instance that is gone", key, subscription.key());
            }
        }
        for (SignalStore.StartEvent start : store.signals().startEvents(tenantId, signalName)) {
            models.process(start.processDefinitionKey()).ifPresent(version -> commands.onNewInstance(execution -> {
                execution.startBySignal(version, version.process().require(start.elementId()), variables);
                return null;
            }));
        }
        return key;
    }
}
