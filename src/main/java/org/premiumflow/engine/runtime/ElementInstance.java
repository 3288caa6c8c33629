package org.premiumflow.engine.runtime;

import java.util.Optional;
import org.premiumflow.engine.deployment.DeployedModels.ProcessVersion;
import org.premiumflow.engine.model.ExecutableElement;

/** One execution of one element: the process itself, a task, an event, a gateway. */
public final class ElementInstance {

    private final long key;
    private final long processInstanceKey;
    private final Long flowScopeKey;
    private final ExecutableElement element;
    private final ProcessVersion process;
    private ElementState state;

    ElementInstance(long key, long processInstanceKey, Long flowScopeKey, ExecutableElement element, ProcessVersion process,
                    ElementState state) {
        this.key = key;
        this.processInstanceKey = processInstanceKey;
        this.flowScopeKey = flowScopeKey;
        this.element = element;
        this.process = process;
        this.state = state;
    }

    public long key() {
        return key;
    }

    public long processInstanceKey() {
        return processInstanceKey;
    }

    /** The element instance of the enclosing process or sub-process; empty for the process itself. */
    public Optional<Long> flowScopeKey() {
        return Optional.ofNullable(flowScopeKey);
    }

    public ExecutableElement element() {
        return element;
    }

    public ProcessVersion process() {
        return process;
    }

    public ElementState state() {
        return state;
    }

    void state(ElementState state) {
        this.state = state;
    }

    public boolean isProcess() {
        return flowScopeKey == null;
    }

    @Override
    public String toString() {
        return element + "#" + key + "(" + state + ")";
    }
}
