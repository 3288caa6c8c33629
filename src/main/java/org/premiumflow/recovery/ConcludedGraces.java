package org.premiumflow.recovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Grace periods concluded with their months still owed, as stored; the first record of a grace stands. */
@Repository
public class ConcludedGraces {

    private final JdbcClient jdbc;

    ConcludedGraces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the grace as concluded unless it is already: true when this call stored it. */
    boolean record(ConcludedGrace grace) {
        return jdbc.sql("""
                        insert into premiumflow.concluded_grace (enrollment_id, first_unpaid_month, through_month, outcome, concluded_at)
                        values (?, ?, ?, ?, ?) on conflict (enrollment_id, first_unpaid_month) do nothing""")
                .params(grace.enrollmentId(), grace.firstUnpaidMonth().atDay(1), grace.throughMonth().atDay(1), grace.outcome().name(),
                        Timestamp.from(grace.concludedAt()))
                .update() == 1;
    }

    /** The enrollment's concluded graces, the oldest first. */
    List<ConcludedGrace> of(long enrollmentId) {
        return jdbc.sql("select * from premiumflow.concluded_grace where enrollment_id = ? order by first_unpaid_month")
                .param(enrollmentId).query(ConcludedGraces::grace).list();
    }

    private static ConcludedGrace grace(ResultSet row, int rowNumber) throws SQLException {
        return new ConcludedGrace(row.getLong("enrollment_id"), YearMonth.from(row.getDate("first_unpaid_month").toLocalDate()),
                YearMonth.from(row.getDate("through_month").toLocalDate()), ConcludedGrace.Outcome.valueOf(row.getString("outcome")),
                row.getTimestamp("concluded_at").toInstant());
    }
}
