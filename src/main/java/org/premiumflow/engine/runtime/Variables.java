package org.premiumflow.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.premiumflow.engine.store.History;
import org.premiumflow.engine.store.Keys;

/**
 * Variable scopes as Zeebe defines them: every element instance is a scope inside the scope of
 * its flow scope, up to the process instance. An expression sees its scope and every scope above;
 * merged variables propagate upwards to the nearest scope that has them, else to the process.
 */
final class Variables {

    private final RuntimeStore store;
    private final Keys keys;
    private final History history;
    private final ScopeChain scopes;

    /** The chain of scope keys from an element instance up to its process instance. */
    @FunctionalInterface
    interface ScopeChain {
        List<Long> upwardsFrom(long scopeKey);
    }

    Variables(RuntimeStore store, Keys keys, History history, ScopeChain scopes) {
        this.store = store;
        this.keys = keys;
        this.history = history;
        this.scopes = scopes;
    }

    /** Every variable visible from a scope: inner scopes hide outer variables of the same name. */
    Map<String, Object> visible(long scopeKey) {
        List<Long> chain = new ArrayList<>(scopes.upwardsFrom(scopeKey));
        java.util.Collections.reverse(chain);
        Map<String, Object> visible = new LinkedHashMap<>();
        for (long scope : chain) {
            visible.putAll(store.localVariables(scope));
        }
        return visible;
    }

    Map<String, Object> local(long scopeKey) {
        return store.localVariables(scopeKey);
    }

    void setLocal(long scopeKey, long processInstanceKey, Map<String, Object> variables) {
        variables.forEach((name, value) -> setLocal(scopeKey, processInstanceKey, name, value));
    }

    void setLocal(long scopeKey, long processInstanceKey, String name, Object value) {
        Optional<RuntimeStore.VariableRow> existing = store.variable(scopeKey, name);
        if (existing.isPresent()) {
            if (!Objects.equals(existing.get().value(), value)) {
                store.updateVariable(existing.get().key(), value);
                history.record("VARIABLE", "UPDATED", existing.get().key(), processInstanceKey, name, null);
            }
        } else {
            long key = keys.next();
            store.insertVariable(key, scopeKey, processInstanceKey, name, value);
            history.record("VARIABLE", "CREATED", key, processInstanceKey, name, null);
        }
    }

    /** Merges variables starting at a scope: each goes to the nearest scope upwards that has it, else the top. */
    void propagate(long fromScopeKey, long processInstanceKey, Map<String, Object> variables) {
        if (variables.isEmpty()) {
            return;
        }
        List<Long> chain = scopes.upwardsFrom(fromScopeKey);
        long top = chain.get(chain.size() - 1);
        variables.forEach((name, value) -> {
            long target = chain.stream()
                    .filter(scope -> store.variable(scope, name).isPresent())
                    .findFirst()
                    .orElse(top);
            setLocal(target, processInstanceKey, name, value);
        });
    }
}
