package org.premiumflow.engine.runtime;

/** An intermediate timer catch event waits until its timer fires; leaving it withdraws the timer. */
final class TimerCatchEventBehavior implements ElementBehavior {

    @Override
    public void activate(Execution execution, ElementInstance instance) {
        execution.scheduleTimer(instance.element(), instance);
        execution.activated(instance);
    }
}
