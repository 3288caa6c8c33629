package org.premiumflow.lifeevent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.premiumflow.member.Relationship;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reported life events as stored, with who joins and leaves and the proof sent; a decision is written once. */
@Repository
public class LifeEvents {

    private final JdbcClient jdbc;

    LifeEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new report; empty when the member already reported one with this event id (the first stands). */
    Optional<Long> add(String memberId, LifeEventReport report, LocalDate reportedOn, Instant reportedAt) {
        Optional<Long> id = jdbc.sql("""
                        insert into premiumflow.life_event (member_id, event_id, type, event_date, reported_on, reported_at,
                            household_size, annual_income, eligible_for_other_coverage, plan_id, late_report_accepted_by,
                            late_report_reason, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED')
                        on conflict (member_id, event_id) do nothing returning id""")
                .params(memberId, report.eventId(), report.type().name(), Date.valueOf(report.eventDate()), Date.valueOf(reportedOn),
                        Timestamp.from(reportedAt), report.householdSize(), report.annualIncome(), report.eligibleForOtherCoverage(),
                        report.planId().orElse(null), report.lateReport().map(LateReportAcceptance::acceptedBy).orElse(null),
                        report.lateReport().map(LateReportAcceptance::reason).orElse(null))
                .query(Long.class).optional();
        id.ifPresent(lifeEventId -> {
            for (JoiningPerson person : report.joining()) {
                jdbc.sql("""
                                insert into premiumflow.life_event_person (life_event_id, change, first_name, last_name, date_of_birth,
                                    relationship)
                                values (?, 'JOINING', ?, ?, ?, ?)""")
                        .params(lifeEventId, person.firstName(), person.lastName(), Date.valueOf(person.dateOfBirth()),
                                person.relationship().name())
                        .update();
            }
            for (Long personId : report.leaving()) {
                jdbc.sql("insert into premiumflow.life_event_person (life_event_id, change, household_person_id) values (?, 'LEAVING', ?)")
                        .params(lifeEventId, personId).update();
            }
        });
        return id;
    }

    public Optional<LifeEvent> byId(long id) {
        return jdbc.sql("select * from premiumflow.life_event where id = ?").param(id).query(this::lifeEvent).optional();
    }

    public Optional<LifeEvent> of(String memberId, String eventId) {
        return jdbc.sql("select * from premiumflow.life_event where member_id = ? and event_id = ?")
                .params(memberId, eventId).query(this::lifeEvent).optional();
    }

    /** Which of these ids are people of the member's household. */
    List<Long> householdPeople(String memberId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from premiumflow.household_person where member_id = ? and id = any(?) and left_on is null")
                .params(memberId, ids.toArray(Long[]::new)).query(Long.class).list();
    }

    /** Notes that proof is awaited until the due date, unless the event is past that (awaiting already, or decided). */
    void awaitProof(long id, LocalDate dueOn) {
        jdbc.sql("update premiumflow.life_event set status = 'AWAITING_PROOF', proof_due_on = ? where id = ? and status = 'RECEIVED'")
                .params(Date.valueOf(dueOn), id).update();
    }

    /** Records the decision unless one is recorded already: the first decision stands. */
    void decide(long id, LifeEventDecision decision, String decidedBy, String reason, Instant now) {
        jdbc.sql("""
                        update premiumflow.life_event set status = ?, decision = ?, decided_by = ?, decision_reason = ?, decided_at = ?
                        where id = ? and status in ('RECEIVED', 'AWAITING_PROOF')""")
                .params(decision.status().name(), decision.name(), decidedBy, reason, Timestamp.from(now), id).update();
    }

    /** Notes that the event changed the household; false when it had already, so the change is made once. */
    boolean markHouseholdChanged(long id, Instant now) {
        return jdbc.sql("update premiumflow.life_event set household_changed_at = ? where id = ? and household_changed_at is null")
                .params(Timestamp.from(now), id).update() == 1;
    }

    /** Stores the document; empty when one with the same key is stored already. */
    Optional<Long> addDocument(long lifeEventId, String kind, String description, String key, Instant receivedAt) {
        return jdbc.sql("""
                        insert into premiumflow.life_event_document (life_event_id, kind, description, idempotency_key, received_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (life_event_id, idempotency_key) where idempotency_key is not null do nothing returning id""")
                .params(lifeEventId, kind, description, key, Timestamp.from(receivedAt)).query(Long.class).optional();
    }

    /** The document sent under the key, if any. */
    Optional<LifeEventDocument> documentByKey(long lifeEventId, String key) {
        return jdbc.sql("select * from premiumflow.life_event_document where life_event_id = ? and idempotency_key = ?")
                .params(lifeEventId, key).query(LifeEvents::document).optional();
    }

    private List<LifeEventDocument> documents(long lifeEventId) {
        return jdbc.sql("select * from premiumflow.life_event_document where life_event_id = ? order by received_at, id")
                .param(lifeEventId)
                .query(LifeEvents::document)
                .list();
    }

    private List<JoiningPerson> joining(long lifeEventId) {
        return jdbc.sql("select * from premiumflow.life_event_person where life_event_id = ? and change = 'JOINING' order by id")
                .param(lifeEventId)
                .query((row, n) -> new JoiningPerson(row.getString("first_name"), row.getString("last_name"),
                        row.getDate("date_of_birth").toLocalDate(), Relationship.valueOf(row.getString("relationship"))))
                .list();
    }

    private List<Long> leaving(long lifeEventId) {
        return jdbc.sql("""
                        select household_person_id from premiumflow.life_event_person
                        where life_event_id = ? and change = 'LEAVING' order by id""")
                .param(lifeEventId).query(Long.class).list();
    }

    private static LifeEventDocument document(ResultSet row, int n) throws SQLException {
        return new LifeEventDocument(row.getLong("id"), row.getString("kind"), row.getString("description"),
                row.getTimestamp("received_at").toInstant());
    }

    private LifeEvent lifeEvent(ResultSet row, int n) throws SQLException {
        long id = row.getLong("id");
        String lateReportAcceptedBy = row.getString("late_report_accepted_by");
        Optional<LateReportAcceptance> lateReport = lateReportAcceptedBy == null ? Optional.empty()
                : Optional.of(new LateReportAcceptance(lateReportAcceptedBy, row.getString("late_report_reason")));
        LifeEventReport report = new LifeEventReport(row.getString("event_id"), LifeEventType.valueOf(row.getString("type")),
                row.getDate("event_date").toLocalDate(), row.getInt("household_size"), row.getBigDecimal("annual_income"),
                row.getBoolean("eligible_for_other_coverage"), Optional.ofNullable(row.getString("plan_id")), joining(id), leaving(id),
                lateReport);
        Date proofDueOn = row.getDate("proof_due_on");
        Timestamp decidedAt = row.getTimestamp("decided_at");
        return new LifeEvent(id, row.getString("member_id"), report, row.getDate("reported_on").toLocalDate(),
                row.getTimestamp("reported_at").toInstant(), LifeEventStatus.valueOf(row.getString("status")),
                Optional.ofNullable(proofDueOn).map(Date::toLocalDate),
                Optional.ofNullable(row.getString("decision")).map(LifeEventDecision::valueOf),
                Optional.ofNullable(row.getString("decided_by")), Optional.ofNullable(row.getString("decision_reason")),
                Optional.ofNullable(decidedAt).map(Timestamp::toInstant), documents(id));
    }
}
