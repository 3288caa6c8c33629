package org.premiumflow.web.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.lifeevent.JoiningPerson;
import org.premiumflow.lifeevent.LateReportAcceptance;
import org.premiumflow.lifeevent.LifeEvent;
import org.premiumflow.lifeevent.LifeEventDocument;
import org.premiumflow.lifeevent.LifeEventReport;
import org.premiumflow.lifeevent.LifeEventReporting;
import org.premiumflow.lifeevent.LifeEventType;
import org.premiumflow.lifeevent.ProofIntake;
import org.premiumflow.lifeevent.ReceivedDocument;
import org.premiumflow.lifeevent.ReportedLifeEvent;
import org.premiumflow.member.Relationship;
import org.premiumflow.paymentmethod.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Life events a member reports (a marriage, a birth, a move...) with the household as it is after
 * the event, read back with where they stand, and the proof the member sends for them. A new report
 * is 202 Accepted (its process decides it); the same report again is 200 with the case it made.
 */
@RestController
class LifeEventController {

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DOLLARS_AND_CENTS = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final int NAME_MAX_LENGTH = 100;
    private static final int PLAN_ID_MAX_LENGTH = 64;
    private static final int HOUSEHOLD_MAX = 30;
    private static final int IDEMPOTENCY_KEY_MAX_LENGTH = 100;

    private final LifeEventReporting reporting;
    private final ProofIntake proofIntake;
    private final ExchangeClock clock;

    LifeEventController(LifeEventReporting reporting, ProofIntake proofIntake, ExchangeClock clock) {
        this.reporting = reporting;
        this.proofIntake = proofIntake;
        this.clock = clock;
    }

    record NewPerson(String firstName, String lastName, String dateOfBirth, String relationship) {
    }

    /**
     * @param annualIncome dollars and cents, as a string ("41250.00") or a number
     * @param leaving      ids of the member's household people who leave the plan (divorce, death)
     * @param lateReport   a caseworker taking a report after its 60-day window, only then
     */
    record NewLifeEvent(String eventId, String type, String eventDate, Integer householdSize, String annualIncome,
                        Boolean eligibleForOtherCoverage, String planId, List<NewPerson> joining, List<Long> leaving,
                        LateReport lateReport) {
    }

    record LateReport(String acceptedBy, String reason) {
    }

    record NewDocument(String kind, String description) {
    }

    record PersonView(String firstName, String lastName, LocalDate dateOfBirth, Relationship relationship) {
    }

    record DocumentView(long id, String kind, String description, Instant receivedAt) {

        static DocumentView of(LifeEventDocument document) {
            return new DocumentView(document.id(), document.kind(), document.description(), document.receivedAt());
        }
    }

    record LifeEventView(long id, String eventId, LifeEventType type, LocalDate eventDate, LocalDate reportedOn, int householdSize,
                         BigDecimal annualIncome, boolean eligibleForOtherCoverage, String planId, List<PersonView> joining,
                         List<Long> leaving, String status, LocalDate proofDueOn, String decision, String decidedBy,
                         String decisionReason, Instant decidedAt, List<DocumentView> documents, LateReport lateReport) {

        static LifeEventView of(LifeEvent lifeEvent) {
            LifeEventReport report = lifeEvent.report();
            return new LifeEventView(lifeEvent.id(), report.eventId(), report.type(), report.eventDate(), lifeEvent.reportedOn(),
                    report.householdSize(), report.annualIncome(), report.eligibleForOtherCoverage(), report.planId().orElse(null),
                    report.joining().stream().map(person -> new PersonView(person.firstName(), person.lastName(),
                            person.dateOfBirth(), person.relationship())).toList(),
                    report.leaving(), lifeEvent.status().name(), lifeEvent.proofDueOn().orElse(null),
                    lifeEvent.decision().map(Enum::name).orElse(null), lifeEvent.decidedBy().orElse(null),
                    lifeEvent.decisionReason().orElse(null), lifeEvent.decidedAt().orElse(null),
                    lifeEvent.documents().stream().map(DocumentView::of).toList(),
                    report.lateReport().map(late -> new LateReport(late.acceptedBy(), late.reason())).orElse(null));
        }
    }

    @PostMapping("/api/members/{memberId}/life-events")
    ResponseEntity<LifeEventView> report(@PathVariable String memberId, @RequestBody NewLifeEvent request) {
        ReportedLifeEvent reported = reporting.report(memberId, checked(request));
        return ResponseEntity.status(reported.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(LifeEventView.of(reported.lifeEvent()));
    }

    @GetMapping("/api/members/{memberId}/life-events/{eventId}")
    LifeEventView lifeEvent(@PathVariable String memberId, @PathVariable String eventId) {
        return LifeEventView.of(reporting.find(memberId, eventId));
    }

    /** With an Idempotency-Key, the same document sent again is 200 with the one taken; without, each is a new document. */
    @PostMapping("/api/members/{memberId}/life-events/{eventId}/documents")
    ResponseEntity<DocumentView> document(@PathVariable String memberId, @PathVariable String eventId,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                          @RequestBody NewDocument request) {
        FieldChecks checks = new FieldChecks();
        String kind = request.kind() == null ? "" : request.kind().strip();
        checks.require(!kind.isEmpty(), "kind", "is required");
        checks.require(kind.length() <= ProofIntake.KIND_MAX_LENGTH, "kind",
                "must be at most " + ProofIntake.KIND_MAX_LENGTH + " characters");
        String description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        checks.require(description == null || description.length() <= ProofIntake.DESCRIPTION_MAX_LENGTH, "description",
                "must be at most " + ProofIntake.DESCRIPTION_MAX_LENGTH + " characters");
        checks.require(key == null || (!key.isBlank() && key.length() <= IDEMPOTENCY_KEY_MAX_LENGTH), "Idempotency-Key",
                "header, when given, of 1 to " + IDEMPOTENCY_KEY_MAX_LENGTH + " characters");
        checks.throwIfAnyFailed();
        ReceivedDocument received = proofIntake.receive(memberId, eventId, kind, description, key);
        return ResponseEntity.status(received.created() ? HttpStatus.CREATED : HttpStatus.OK).body(DocumentView.of(received.document()));
    }

    private LifeEventReport checked(NewLifeEvent request) {
        LocalDate today = clock.today();
        FieldChecks checks = new FieldChecks();
        String eventId = request.eventId();
        checks.require(eventId != null && EVENT_ID.matcher(eventId).matches(), "eventId",
                "is required: 1 to 64 letters, digits, '-' or '_'");
        LifeEventType type = checks.check(() -> type(request.type()));
        LocalDate eventDate = checks.check(() -> date("eventDate", request.eventDate()));
        checks.require(eventDate == null || !eventDate.isAfter(today), "eventDate", "must not be in the future");
        Integer householdSize = request.householdSize();
        checks.require(householdSize != null && householdSize >= 1 && householdSize <= HOUSEHOLD_MAX, "householdSize",
                "is required: the number of people in the household after the event, 1 to " + HOUSEHOLD_MAX);
        BigDecimal annualIncome = checks.check(() -> income(request.annualIncome()));
        checks.require(request.eligibleForOtherCoverage() != null, "eligibleForOtherCoverage", "is required: true or false");
        String planId = request.planId() == null || request.planId().isBlank() ? null : request.planId().strip();
        checks.require(planId == null || planId.length() <= PLAN_ID_MAX_LENGTH, "planId",
                "must be at most " + PLAN_ID_MAX_LENGTH + " characters");
        List<NewPerson> joining = request.joining() == null ? List.of() : request.joining();
        List<Long> leaving = request.leaving() == null ? List.of() : request.leaving();
        checks.require(joining.isEmpty() || type == null || type.addsPeople(), "joining",
                "only a marriage or a birth or adoption adds people to the plan");
        checks.require(leaving.isEmpty() || type == null || type.removesPeople(), "leaving",
                "only a divorce or a death in the household takes people off the plan");
        List<JoiningPerson> people = new ArrayList<>();
        for (int i = 0; i < joining.size(); i++) {
            people.add(person(checks, "joining[" + i + "]", joining.get(i), type, eventDate, today));
        }
        for (int i = 0; i < leaving.size(); i++) {
            Long id = leaving.get(i);
            checks.require(id != null && id > 0, "leaving[" + i + "]", "must be the id of a person of the member's household");
            checks.require(id == null || leaving.indexOf(id) == i, "leaving[" + i + "]", "names a person already named");
        }
        Optional<LateReportAcceptance> lateReport = lateReport(checks, request.lateReport(), eventDate, today);
        checks.throwIfAnyFailed();
        return new LifeEventReport(eventId, type, eventDate, householdSize, annualIncome, request.eligibleForOtherCoverage(),
                Optional.ofNullable(planId), people, leaving, lateReport);
    }

    /** Only for a report after its window: one in time needs no one's leave, and would carry a misleading record. */
    private static Optional<LateReportAcceptance> lateReport(FieldChecks checks, LateReport late, LocalDate eventDate, LocalDate today) {
        if (late == null) {
            return Optional.empty();
        }
        checks.require(eventDate == null || today.isAfter(LifeEventReporting.lastDayToReport(eventDate)), "lateReport",
                "only for a report after its " + LifeEventReporting.REPORTING_DAYS + "-day window; this one is in time");
        String acceptedBy = late.acceptedBy() == null ? "" : late.acceptedBy().strip();
        checks.require(!acceptedBy.isEmpty() && acceptedBy.length() <= LateReportAcceptance.ACCEPTED_BY_MAX_LENGTH,
                "lateReport.acceptedBy", "is required: the caseworker's user name, 1 to " + LateReportAcceptance.ACCEPTED_BY_MAX_LENGTH
                        + " characters");
        String reason = late.reason() == null ? "" : late.reason().strip();
        checks.require(!reason.isEmpty() && reason.length() <= LateReportAcceptance.REASON_MAX_LENGTH, "lateReport.reason",
                "is required: why the late report is taken, 1 to " + LateReportAcceptance.REASON_MAX_LENGTH + " characters");
        return checks.passed() ? Optional.of(new LateReportAcceptance(acceptedBy, reason)) : Optional.empty();
    }

    private static JoiningPerson person(FieldChecks checks, String field, NewPerson person, LifeEventType type, LocalDate eventDate,
                                        LocalDate today) {
        if (person == null) {
            checks.require(false, field, "must be a person: firstName, lastName, dateOfBirth, relationship");
            return null;
        }
        String firstName = name(checks, field + ".firstName", person.firstName());
        String lastName = name(checks, field + ".lastName", person.lastName());
        LocalDate dateOfBirth = checks.check(() -> date(field + ".dateOfBirth", person.dateOfBirth()));
        checks.require(dateOfBirth == null || !dateOfBirth.isAfter(today), field + ".dateOfBirth", "must not be in the future");
        Relationship relationship = checks.check(() -> relationship(field + ".relationship", person.relationship()));
        if (type == LifeEventType.BIRTH_OR_ADOPTION) {
            // A child born is born on the event date, a child adopted before it: never after.
            checks.require(dateOfBirth == null || eventDate == null || !dateOfBirth.isAfter(eventDate), field + ".dateOfBirth",
                    "a child born or adopted is born on or before the event date");
            checks.require(relationship == null || relationship == Relationship.CHILD, field + ".relationship",
                    "a birth or adoption adds a CHILD");
        }
        return new JoiningPerson(firstName, lastName, dateOfBirth, relationship);
    }

    private static String name(FieldChecks checks, String field, String value) {
        String name = value == null ? "" : value.strip();
        checks.require(!name.isEmpty() && name.length() <= NAME_MAX_LENGTH, field, "is required: 1 to " + NAME_MAX_LENGTH + " characters");
        return name;
    }

    private static LifeEventType type(String value) {
        try {
            return LifeEventType.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("type", "is required: one of " + List.of(LifeEventType.values()));
        }
    }

    private static Relationship relationship(String field, String value) {
        try {
            return Relationship.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "is required: one of " + List.of(Relationship.values()));
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "is required: a date such as 2037-03-14");
        }
    }

    private static BigDecimal income(String value) {
        if (value == null || !DOLLARS_AND_CENTS.matcher(value.strip()).matches()) {
            throw new InvalidFieldException("annualIncome", "is required: dollars and cents, 0 or more, such as 41250.00");
        }
        return new BigDecimal(value.strip());
    }
}
