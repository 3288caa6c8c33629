package org.premiumflow.recovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hardship waiver requests and appeals as stored; a decision is written once and never changed. */
@Repository
public class DelinquencyRequests {

    private final JdbcClient jdbc;

    DelinquencyRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DelinquencyRequest file(RequestKind kind, String memberId, long enrollmentId, long invoiceId, String reason, Instant now) {
        long id = jdbc.sql("""
                        insert into premiumflow.delinquency_request (kind, member_id, enrollment_id, invoice_id, reason, status, filed_at)
                        values (?, ?, ?, ?, ?, 'PENDING', ?) returning id""")
                .params(kind.name(), memberId, enrollmentId, invoiceId, reason, Timestamp.from(now))
                .query(Long.class).single();
        return byId(id).orElseThrow();
    }

    public Optional<DelinquencyRequest> byId(long id) {
        return jdbc.sql("select * from premiumflow.delinquency_request where id = ?").param(id)
                .query(DelinquencyRequests::request).optional();
    }

    /** The member's requests of a kind, the first filed first. */
    public List<DelinquencyRequest> of(String memberId, RequestKind kind) {
        return jdbc.sql("select * from premiumflow.delinquency_request where member_id = ? and kind = ? order by id")
                .params(memberId, kind.name()).query(DelinquencyRequests::request).list();
    }

    /** The enrollment's requests of every kind, the first filed first. */
    List<DelinquencyRequest> forEnrollment(long enrollmentId) {
        return jdbc.sql("select * from premiumflow.delinquency_request where enrollment_id = ? order by id")
                .param(enrollmentId).query(DelinquencyRequests::request).list();
    }

    Optional<DelinquencyRequest> open(long enrollmentId, RequestKind kind) {
        return jdbc.sql("select * from premiumflow.delinquency_request where enrollment_id = ? and kind = ? and status = 'PENDING'")
                .params(enrollmentId, kind.name()).query(DelinquencyRequests::request).optional();
    }

    /** Records the decision unless one is recorded already: the first decision stands. */
    boolean decide(long id, String status, String decidedBy, String note, Instant now) {
        return jdbc.sql("""
                        update premiumflow.delinquency_request set status = ?, decided_by = ?, decided_at = ?, decision_note = ?
                        where id = ? and status = 'PENDING'""")
                .params(status, decidedBy, Timestamp.from(now), note, id).update() == 1;
    }

    private static DelinquencyRequest request(ResultSet row, int n) throws SQLException {
        Timestamp decidedAt = row.getTimestamp("decided_at");
        return new DelinquencyRequest(row.getLong("id"), RequestKind.valueOf(row.getString("kind")), row.getString("member_id"),
                row.getLong("enrollment_id"), row.getLong("invoice_id"), row.getString("reason"), row.getString("status"),
                row.getTimestamp("filed_at").toInstant(), Optional.ofNullable(row.getString("decided_by")),
                Optional.ofNullable(decidedAt).map(Timestamp::toInstant), Optional.ofNullable(row.getString("decision_note")));
    }
}
