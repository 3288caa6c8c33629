package org.premiumflow.recovery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A grace that ends with coverage kept by an appeal upheld leaves its months owed (the member was
 * covered). Without a record of it, the oldest of them would keep every later unpaid month in "the
 * grace of an older month" for good, and the member would never be warned again. The record covers
 * the months past due now: later ones unpaid meanwhile ended in this grace. Run again, the first
 * record stands.
 */
@Component
public class GraceConclusionWorker {

    private static final Logger log = LoggerFactory.getLogger(GraceConclusionWorker.class);

    private final Delinquencies delinquencies;
    private final ConcludedGraces concludedGraces;
    private final Clock clock;

    GraceConclusionWorker(Delinquencies delinquencies, ConcludedGraces concludedGraces, Clock clock) {
        this.delinquencies = delinquencies;
        this.concludedGraces = concludedGraces;
        this.clock = clock;
    }

    @JobWorker(type = "record-grace-concluded")
    public void keptByAppeal(@Variable Long enrollmentId, @Variable String firstUnpaidMonth) {
        YearMonth first = YearMonth.parse(firstUnpaidMonth);
        YearMonth lastPastDue = delinquencies.on(enrollmentId, LocalDate.now(clock)).unpaidMonths().stream()
                .map(Delinquency.UnpaidMonth::month).reduce((older, newer) -> newer).orElse(first);
        YearMonth through = lastPastDue.isBefore(first) ? first : lastPastDue;
        boolean recorded = concludedGraces.record(new ConcludedGrace(enrollmentId, first, through,
                ConcludedGrace.Outcome.KEPT_BY_APPEAL, clock.instant()));
        log.info("Grace of enrollment {} from {} concluded, kept by an appeal, months through {} still owed{}", enrollmentId, first,
                through, recorded ? "" : " (recorded before)");
    }
}
