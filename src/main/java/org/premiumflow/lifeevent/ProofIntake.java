package org.premiumflow.lifeevent;

import java.time.Duration;
import java.util.Map;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the proof a member sends for a life event not decided yet, and tells the event's process,
 * so that the caseworker's task shows it.
 */
@Service
public class ProofIntake {

    private static final Logger log = LoggerFactory.getLogger(ProofIntake.class);
    static final String DOCUMENT_MESSAGE = "life-event-document-received";
    public static final int KIND_MAX_LENGTH = 100;
    public static final int DESCRIPTION_MAX_LENGTH = 1000;
    /**
     * Kept while the proof may still matter: a document sent before the process asks for proof
     * reaches the caseworker's task when it opens, within the 90 days proof may take.
     */
    private static final Duration DOCUMENT_MESSAGE_KEPT = Duration.ofDays(LifeEventVerification.PROOF_DAYS + 1);

    private final LifeEventReporting reporting;
    private final LifeEvents lifeEvents;
    private final WorkflowMessages messages;
    private final ExchangeClock clock;

    ProofIntake(LifeEventReporting reporting, LifeEvents lifeEvents, WorkflowMessages messages, ExchangeClock clock) {
        this.reporting = reporting;
        this.lifeEvents = lifeEvents;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param kind        what the document is, e.g. "marriage certificate", checked for length by the caller
     * @param description the member's words about it, or null
     * @throws LifeEventConflictException the event is decided already
     */
    @Transactional
    public LifeEventDocument receive(String memberId, String eventId, String kind, String description) {
        LifeEvent lifeEvent = reporting.find(memberId, eventId);
        if (lifeEvent.status().decided()) {
            throw new LifeEventConflictException("Life event " + eventId + " is decided (" + lifeEvent.status()
                    + "); documents are taken only while it waits for its decision");
        }
        long documentId = lifeEvents.addDocument(lifeEvent.id(), kind, description, clock.instant());
        messages.send(new WorkflowMessage(DOCUMENT_MESSAGE, memberId + ":" + eventId, DOCUMENT_MESSAGE + ":" + documentId,
                DOCUMENT_MESSAGE_KEPT, Map.of("documentId", documentId)));
        log.info("Document {} received for life event {}", documentId, lifeEvent.id());
        return lifeEvents.byId(lifeEvent.id()).orElseThrow().documents().stream()
                .filter(document -> document.id() == documentId).findFirst().orElseThrow();
    }
}
