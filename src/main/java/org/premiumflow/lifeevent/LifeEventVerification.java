package org.premiumflow.lifeevent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.premiumflow.calendar.ExchangeClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a life event's verification as the process takes them: proof asked for, then the
 * decision, however it came. Each step is safe to repeat: proof is asked for once with one due
 * date, and the first decision recorded stands.
 */
@Service
public class LifeEventVerification {

    private static final Logger log = LoggerFactory.getLogger(LifeEventVerification.class);
    /** Proof is due within 90 days of the report (masslegalservices.org, DOMAIN.md section 5). */
    public static final int PROOF_DAYS = 90;
    static final String SYSTEM = "premiumflow";
    private static final DateTimeFormatter MEMBER_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private final LifeEvents lifeEvents;
    private final LifeEventProperties properties;
    private final ExchangeClock clock;

    LifeEventVerification(LifeEvents lifeEvents, LifeEventProperties properties, ExchangeClock clock) {
        this.lifeEvents = lifeEvents;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public ProofRequest awaitProof(long lifeEventId) {
        LifeEvent lifeEvent = lifeEvent(lifeEventId);
        lifeEvents.awaitProof(lifeEventId, lifeEvent.reportedOn().plusDays(PROOF_DAYS));
        LocalDate dueOn = lifeEvent(lifeEventId).proofDueOn()
                .orElseThrow(() -> new IllegalStateException("Life event " + lifeEventId + " was decided before proof was asked for"));
        log.info("Proof for life event {} is due on {}", lifeEventId, dueOn);
        return new ProofRequest(dueOn,
                dueOn.minusDays(properties.proofReminderDaysBefore()).atStartOfDay(ExchangeClock.EXCHANGE_ZONE).toInstant(),
                dueOn.plusDays(1).atStartOfDay(ExchangeClock.EXCHANGE_ZONE).toInstant());
    }

    @Transactional
    public LifeEvent approveWithoutProof(long lifeEventId) {
        return decide(lifeEventId, LifeEventDecision.APPROVED_WITHOUT_PROOF, SYSTEM, "No proof is needed for this kind of change.");
    }

    /**
     * @param caseworker who decided, for the record
     * @param note       the caseworker's words, which the member reads in the decision notice
     */
    @Transactional
    public LifeEvent decideOnProof(long lifeEventId, boolean approved, String caseworker, String note) {
        return decide(lifeEventId, approved ? LifeEventDecision.APPROVED_ON_PROOF : LifeEventDecision.REJECTED_ON_PROOF, caseworker,
                note);
    }

    @Transactional
    public LifeEvent rejectForMissingProof(long lifeEventId) {
        LocalDate dueOn = lifeEvent(lifeEventId).proofDueOn()
                .orElseThrow(() -> new IllegalStateException("Life event " + lifeEventId + " never asked for proof"));
        return decide(lifeEventId, LifeEventDecision.PROOF_NOT_PROVIDED, SYSTEM, "proof not provided by " + MEMBER_DATE.format(dueOn));
    }

    private LifeEvent decide(long lifeEventId, LifeEventDecision decision, String decidedBy, String reason) {
        Instant now = clock.instant();
        lifeEvents.decide(lifeEventId, decision, decidedBy, reason, now);
        LifeEvent decided = lifeEvent(lifeEventId);
        log.info("Life event {} decided: {}", lifeEventId, decided.decision().orElseThrow());
        return decided;
    }

    private LifeEvent lifeEvent(long lifeEventId) {
        return lifeEvents.byId(lifeEventId).orElseThrow(() -> new IllegalArgumentException("No life event " + lifeEventId));
    }
}
