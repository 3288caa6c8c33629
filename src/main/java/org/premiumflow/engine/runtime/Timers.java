package org.premiumflow.engine.runtime;

import java.util.List;
import org.premiumflow.engine.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers, each in a command of its own. A timer is locked before it fires and fired
 * only while it is still waiting, so with several nodes looking at once it fires exactly once;
 * a timer that fell due while the application was down fires on the first look after start.
 */
public final class Timers {

    private static final Logger log = LoggerFactory.getLogger(Timers.class);
    private static final int BATCH = 100;

    private final RuntimeStore store;
    private final Commands commands;

    public Timers(RuntimeStore store, Commands commands) {
        this.store = store;
        this.commands = commands;
    }

    /** Fires what is due now; answers how many fired. */
    public int fireDue() {
        List<TimerRow> due = store.timers().due(store.now(), BATCH);
        int fired = 0;
        for (TimerRow timer : due) {
            try {
                fired += fire(timer) ? 1 : 0;
            } catch (NotFoundException e) {
                log.debug("Timer {} belongs to an instance that is gone", timer.key());
            } catch (RuntimeException e) {
                log.warn("Timer {} of process instance {} could not fire; it is tried again: {}", timer.key(),
                        timer.processInstanceKey(), e.getMessage());
            }
        }
        return fired;
    }

    private boolean fire(TimerRow candidate) {
        if (candidate.isStartTimer()) {
            return commands.onNewInstance(execution -> store.timers().lockWaiting(candidate.key())
                    .map(timer -> {
                        execution.fireStartTimer(timer);
                        return true;
                    }).orElse(false));
        }
        return commands.onInstance(candidate.processInstanceKey(), "no process instance " + candidate.processInstanceKey(),
                execution -> store.timers().lockWaiting(candidate.key())
                        .map(timer -> {
                            execution.fireTimer(timer);
                            return true;
                        }).orElse(false));
    }
}
