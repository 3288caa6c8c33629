package org.premiumflow.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.premiumflow.engine.deployment.DeployedModels.ProcessVersion;
import org.premiumflow.engine.deployment.NewProcessVersions;
import org.premiumflow.engine.model.ExecutableElement;
import org.premiumflow.engine.model.TimerSchedule;
import org.premiumflow.engine.store.History;
import org.premiumflow.engine.store.Keys;

/**
 * Keeps timer, message and signal start events on the latest version of each process: a new
 * version withdraws those of the versions before it and brings its own.
 */
public final class StartEvents implements NewProcessVersions {

    private final RuntimeStore store;
    private final Keys keys;
    private final History history;

    public StartEvents(RuntimeStore store, Keys keys, History history) {
        this.store = store;
        this.keys = keys;
        this.history = history;
    }

    @Override
    public void deployed(ProcessVersion version) {
        for (long canceled : store.timers().cancelStartTimers(version.bpmnProcessId(), version.tenantId())) {
            history.record("TIMER", "CANCELED", canceled, null, null, null);
        }
        for (ExecutableElement start : version.process().root().timerStartEvents()) {
            // Deployment validated the value; a start event's expression sees no variables.
            var timer = start.timer().orElseThrow();
            TimerSchedule schedule = TimerSchedule.first(timer.kind(), timer.value().evaluate(Map.of()), store.now());
            long key = keys.next();
            store.timers().insert(key, schedule, new TimerStore.Owner(start.id(), null, null, version.key(),
                    version.bpmnProcessId(), version.tenantId()), store.now());
            history.record("TIMER", "CREATED", key, null, start.id(), null);
        }
        Map<String, String> messageNames = new LinkedHashMap<>();
        for (ExecutableElement start : version.process().root().messageStartEvents()) {
            messageNames.put(start.id(), String.valueOf(start.message().orElseThrow().name().evaluate(Map.of())));
        }
        store.messages().replaceStartEvents(version.bpmnProcessId(), version.tenantId(), version.key(), messageNames);
        Map<String, String> signalNames = new LinkedHashMap<>();
        for (ExecutableElement start : version.process().root().signalStartEvents()) {
            signalNames.put(start.id(), String.valueOf(start.signalName().orElseThrow().evaluate(Map.of())));
        }
        store.signals().replaceStartEvents(version.bpmnProcessId(), version.tenantId(), version.key(), signalNames);
    }
}
