package org.premiumflow.engine.runtime;

import java.time.OffsetDateTime;
import org.premiumflow.engine.model.TimerSchedule;

/** A stored timer; a start event's timer has no element or process instance. */
public record TimerRow(long key, String state, OffsetDateTime dueDate, int repetitions, String cycleInterval, String elementId,
                       Long elementInstanceKey, Long processInstanceKey, long processDefinitionKey, String bpmnProcessId,
                       String tenantId) {

    public static final String CREATED = "CREATED";

    TimerSchedule schedule() {
        return new TimerSchedule(dueDate, repetitions, cycleInterval);
    }

    boolean isStartTimer() {
        return elementInstanceKey == null;
    }
}
