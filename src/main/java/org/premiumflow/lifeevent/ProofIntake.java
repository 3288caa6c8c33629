package org.premiumflow.lifeevent;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
     * @param key         the request's Idempotency-Key, or null: sent again under the same key, the
     *                    document is the one taken the first time, even if the event is decided since
     * @throws LifeEventConflictException the event is decided already, or the key was used for another document
     */
    @Transactional
    public ReceivedDocument receive(String memberId, String eventId, String kind, String description, String key) {
        LifeEvent lifeEvent = reporting.find(memberId, eventId);
        Optional<ReceivedDocument> sentBefore = sentBefore(lifeEvent, kind, description, key);
        if (sentBefore.isPresent()) {
            return sentBefore.get();
        }
        if (lifeEvent.status().decided()) {
            throw new LifeEventConflictException("Life event " + eventId + " is decided (" + lifeEvent.status()
                    + "); documents are taken only while it waits for its decision");
        }
        Optional<Long> added = lifeEvents.addDocument(lifeEvent.id(), kind, description, key, clock.instant());
        if (added.isEmpty()) {
            // The same key was stored by a request running at the same time.
            return sentBefore(lifeEvent, kind, description, key).orElseThrow();
        }
        long documentId = added.get();
        messages.send(new WorkflowMessage(DOCUMENT_MESSAGE, memberId + ":" + eventId, DOCUMENT_MESSAGE + ":" + documentId,
                DOCUMENT_MESSAGE_KEPT, Map.of("documentId", documentId)));
        log.info("Document {} received for life event {}", documentId, lifeEvent.id());
        return new ReceivedDocument(lifeEvents.byId(lifeEvent.id()).orElseThrow().documents().stream()
                .filter(document -> document.id() == documentId).findFirst().orElseThrow(), true);
    }

    private Optional<ReceivedDocument> sentBefore(LifeEvent lifeEvent, String kind, String description, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return lifeEvents.documentByKey(lifeEvent.id(), key).map(document -> {
            if (!document.kind().equals(kind) || !Objects.equals(document.description(), description)) {
                throw new LifeEventConflictException("Idempotency-Key " + key + " was used for another document of life event "
                        + lifeEvent.report().eventId() + "; a new document needs a new key");
            }
            return new ReceivedDocument(document, false);
        });
    }
}
