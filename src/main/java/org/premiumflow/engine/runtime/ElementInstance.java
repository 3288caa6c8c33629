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
    private final boolean multiInstanceBody;
    private ElementState state;

    ElementInstance(long key, long processInstanceKey, Long flowScopeKey, ExecutableElement element, ProcessVersion process,
                    ElementState state) {
        this(key, processInstanceKey, flowScopeKey, element, process, state, false);
    }

    /** @param multiInstanceBody whether this is the body of a multi-instance activity, holding its inner instances */
    ElementInstance(long key, long processInstanceKey, Long flowScopeKey, ExecutableElement element, ProcessVersion process,
                    ElementState state, boolean multiInstanceBody) {
        this.multiInstanceBody = multiInstanceBody;
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

    /** The body of a multi-instance activity: it holds the inner instances, and the activity's boundary events. */
    public boolean isMultiInstanceBody() {
        return multiInstanceBody;
    }

    /** One inner instance of a multi-instance activity, inside its body. */
    public boolean isMultiInstanceInner() {
        return !multiInstanceBody && element.multiInstance().isPresent();
    }

    /** What the element instance is, as stored and searched: the element's type, or MULTI_INSTANCE_BODY. */
    public String typeName() {
        return multiInstanceBody ? MULTI_INSTANCE_BODY : element.type().name();
    }

    static final String MULTI_INSTANCE_BODY = "MULTI_INSTANCE_BODY";

    public boolean isProcess() {
        return flowScopeKey == null;
    }

    @Override
    public String toString() {
        return (multiInstanceBody ? "body of " : "") + element + "#" + key + "(" + state + ")";
    }
}
