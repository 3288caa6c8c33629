package org.premiumflow.lifeevent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Members;
import org.premiumflow.member.UnknownMemberException;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a member's report of a life event: inside its 60-day window it is stored and starts the
 * life-event process (once the report is committed); outside it nothing is stored. A report sent
 * again (a retried request) finds the case it made, and starts nothing new.
 */
@Service
public class LifeEventReporting {

    private static final Logger log = LoggerFactory.getLogger(LifeEventReporting.class);
    /** The special enrollment window: masshealthmtf.org, Health Connector policy NG-1E (DOMAIN.md section 5). */
    public static final int REPORTING_DAYS = 60;
    static final String REPORTED_MESSAGE = "life-event-reported";
    /** Only to drop a repeated publication: the process starts at once, or (not deployed) never from this message. */
    private static final Duration REPORTED_MESSAGE_KEPT = Duration.ofDays(1);

    private final Members members;
    private final LifeEvents lifeEvents;
    private final WorkflowMessages messages;
    private final ExchangeClock clock;

    LifeEventReporting(Members members, LifeEvents lifeEvents, WorkflowMessages messages, ExchangeClock clock) {
        this.members = members;
        this.lifeEvents = lifeEvents;
        this.messages = messages;
        this.clock = clock;
    }

    /** The last day an event of this date may be reported. */
    public static LocalDate lastDayToReport(LocalDate eventDate) {
        return eventDate.plusDays(REPORTING_DAYS);
    }

    /**
     * @throws UnknownMemberException      no such member
     * @throws LifeEventConflictException  the event id was used for a different report
     * @throws LateReportException         reported after its window and no caseworker accepted it (a repeat of a stored
     *                                     report is not: it was taken)
     * @throws InvalidPersonException      someone named as leaving is not of the member's household
     */
    @Transactional
    public ReportedLifeEvent report(String memberId, LifeEventReport report) {
        if (!members.existsById(memberId)) {
            throw new UnknownMemberException(memberId);
        }
        Optional<LifeEvent> earlier = lifeEvents.of(memberId, report.eventId());
        if (earlier.isPresent()) {
            return repeated(earlier.get(), report);
        }
        LocalDate today = clock.today();
        boolean late = today.isAfter(lastDayToReport(report.eventDate()));
        if (late && report.lateReport().isEmpty()) {
            throw new LateReportException(report.eventDate(), lastDayToReport(report.eventDate()));
        }
        checkLeaving(memberId, report.leaving());
        Instant now = clock.instant();
        Optional<Long> added = lifeEvents.add(memberId, report, today, now);
        if (added.isEmpty()) {
            // The same event id was stored by a request running at the same time.
            return repeated(lifeEvents.of(memberId, report.eventId()).orElseThrow(), report);
        }
        LifeEvent lifeEvent = lifeEvents.byId(added.get()).orElseThrow();
        String key = memberId + ":" + report.eventId();
        messages.send(new WorkflowMessage(REPORTED_MESSAGE, key, key, REPORTED_MESSAGE_KEPT, Map.of(
                "memberId", memberId,
                "eventId", report.eventId(),
                "lifeEventId", lifeEvent.id(),
                "eventType", report.type().name(),
                "eventDescription", report.type().plainWords(),
                "eventDate", report.eventDate().toString(),
                "reportedDate", today.toString())));
        // The event id is the client's own text: the exchange's id names the case in the log.
        log.info("Life event {} ({}) reported for member {}", lifeEvent.id(), report.type(), memberId);
        if (late) {
            log.info("Life event {} reported after its window, taken by caseworker {}", lifeEvent.id(),
                    report.lateReport().orElseThrow().acceptedBy());
        }
        return new ReportedLifeEvent(lifeEvent, true);
    }

    @Transactional(readOnly = true)
    public LifeEvent find(String memberId, String eventId) {
        if (!members.existsById(memberId)) {
            throw new UnknownMemberException(memberId);
        }
        return lifeEvents.of(memberId, eventId).orElseThrow(() -> new UnknownLifeEventException(memberId, eventId));
    }

    private static ReportedLifeEvent repeated(LifeEvent earlier, LifeEventReport report) {
        if (!earlier.report().equals(report)) {
            throw new LifeEventConflictException("Life event " + report.eventId() + " was reported before with different details;"
                    + " a new event needs a new eventId");
        }
        return new ReportedLifeEvent(earlier, false);
    }

    private void checkLeaving(String memberId, List<Long> leaving) {
        List<Long> household = lifeEvents.householdPeople(memberId, leaving);
        List<Integer> strangers = new ArrayList<>();
        for (int i = 0; i < leaving.size(); i++) {
            if (!household.contains(leaving.get(i))) {
                strangers.add(i);
            }
        }
        if (!strangers.isEmpty()) {
            throw new InvalidPersonException(strangers);
        }
    }
}
