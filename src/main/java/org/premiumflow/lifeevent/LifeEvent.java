package org.premiumflow.lifeevent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A reported life event as stored: the report, where it stands, and its decision once made.
 *
 * @param id         the exchange's id of the case, which the process carries as {@code lifeEventId}
 * @param reportedOn the exchange's date (Boston) the report came in, from which the 60-day window
 *                   and the proof's due date count
 */
public record LifeEvent(long id, String memberId, LifeEventReport report, LocalDate reportedOn, Instant reportedAt,
                        LifeEventStatus status, Optional<LocalDate> proofDueOn, Optional<LifeEventDecision> decision,
                        Optional<String> decidedBy, Optional<String> decisionReason, Optional<Instant> decidedAt,
                        List<LifeEventDocument> documents) {

    public LifeEvent {
        documents = List.copyOf(documents);
    }
}
