package org.premiumflow.rating;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.premiumflow.billing.InvoiceStatus;
import org.premiumflow.billing.Ledger;
import org.premiumflow.billing.BillingAdjustments;
import org.premiumflow.member.ConnectorCarePlanType;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.rating.EffectiveDateRule.EffectiveDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a premium change after a life event (DOMAIN.md section 5): dates it by its rule, rates
 * the household after the event for each month from the new premium's first month (each with its
 * coverage year's data), gives the enrollment its new plan, program and premiums, and for months
 * already billed records credits or extra charges that the next invoice carries, since an issued
 * invoice is never rewritten. Then the member is sent the new premium. Once per reference.
 */
@Service
public class PremiumChanges {

    private static final Logger log = LoggerFactory.getLogger(PremiumChanges.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private final Enrollments enrollments;
    private final PremiumRating rating;
    private final RatingTables tables;
    private final Ledger ledger;
    private final BillingAdjustments adjustments;
    private final AppliedPremiumChanges applied;
    private final NewPremiumNotice notice;
    private final PremiumChangeProperties properties;
    private final Clock clock;

    PremiumChanges(Enrollments enrollments, PremiumRating rating, RatingTables tables, Ledger ledger, BillingAdjustments adjustments,
                   AppliedPremiumChanges applied, NewPremiumNotice notice, PremiumChangeProperties properties, Clock clock) {
        this.enrollments = enrollments;
        this.rating = rating;
        this.tables = tables;
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.applied = applied;
        this.notice = notice;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException    naming the field, for an enrollment that is not the member's,
     *                                     a change after its coverage ended, a reference
     *                                     used for another enrollment, or a plan or household that cannot be rated
     * @throws MissingRatingDataException  when a month to rate has no rating data for its year
     */
    @Transactional
    public AppliedPremiumChange apply(PremiumChange change) {
        // The member's ledger lock, taken before the enrollment is read, serializes changes of the
        // same member, and with invoicing, so no invoice is issued between reading which months are
        // billed and recording their lines.
        ledger.lock(change.memberId());
        Enrollment enrollment = enrollments.findById(change.enrollmentId())
                .filter(found -> found.member().memberId().equals(change.memberId()))
                .orElseThrow(() -> new IllegalArgumentException("enrollmentId: member " + change.memberId() + " has no enrollment "
                        + change.enrollmentId()));
        Optional<AppliedPremiumChange> earlier = applied.find(change.reference());
        if (earlier.isPresent()) {
            if (earlier.get().enrollmentId() != enrollment.id()) {
                throw new IllegalArgumentException("reference: '" + change.reference() + "' was applied to enrollment "
                        + earlier.get().enrollmentId() + ", not " + enrollment.id());
            }
            log.info("Premium change {} for enrollment {} was applied before; nothing changed", change.reference(), enrollment.id());
            return earlier.get();
        }
        EffectiveDate effective = notBeforeCoverage(enrollment,
                change.rule().effectiveDate(change.eventDate(), change.reportedOn(), properties.cutoffDayOfMonth()));
        checkCovered(enrollment, effective);
        TermsBefore before = new TermsBefore(enrollment);
        String planId = change.planId() == null ? enrollment.planId() : change.planId();
        // Everyone's age on the first day covered under the new terms (the event's day for a birth,
        // so a newborn is 0): the terms are rated once, and a birthday later does not re-rate them.
        Household household = change.household().on(effective.coverage());

        List<InvoiceStatus> invoices = ledger.invoices(change.memberId()).stream()
                .filter(invoice -> invoice.invoice().enrollmentId() == enrollment.id()).toList();
        Set<YearMonth> billed = invoices.stream().filter(invoice -> !invoice.cancelled())
                .map(invoice -> invoice.invoice().coverageMonth()).collect(Collectors.toSet());
        SortedMap<YearMonth, Rating> ratings = rateMonths(household, planId, effective.premium(), lastMonthToRate(enrollment, effective,
                billed));

        List<AdjustmentLine> lines = new ArrayList<>();
        effective.oldTaxCreditMonth().ifPresent(month -> lines.add(eventMonthLine(change, enrollment, household, planId, month)));
        ratings.entrySet().stream().filter(month -> billed.contains(month.getKey()))
                .forEach(month -> lines.add(billedMonthLine(enrollment, month.getKey(), month.getValue())));

        Rating first = ratings.get(effective.premium());
        enrollment.changeTerms(planId, tables.year(effective.premium().getYear()).plan(planId).planName(), first.program(),
                first.planType(), premiumsFrom(ratings));
        for (AdjustmentLine line : lines) {
            if (line.amount().signum() != 0) {
                adjustments.recordPremiumChange(change.memberId(), enrollment.id(), line.month(), line.amount(), line.reason(),
                        change.reference(), clock.instant());
            }
        }
        AppliedPremiumChange done = new AppliedPremiumChange(change.reference(), enrollment.id(), effective.coverage(),
                effective.premium(), first.premium(), adjustments.ofReference(change.reference()), true);
        applied.record(change.memberId(), done, clock.instant());
        YearMonth firstChangedInvoice = firstUnbilled(effective.oldTaxCreditMonth().orElse(effective.premium()), invoices);
        notice.send(enrollment, before, done, firstChangedInvoice);
        log.info("Premium change {} applied to enrollment {} of member {}: coverage from {}, new premium from {}, {} adjustment lines",
                change.reference(), enrollment.id(), change.memberId(), effective.coverage(), effective.premium(),
                done.adjustments().size());
        return done;
    }

    /** The plan, program and plan type before the change, for the notice to say what changed. */
    record TermsBefore(String planName, Program program, Optional<ConnectorCarePlanType> planType) {

        TermsBefore(Enrollment enrollment) {
            this(enrollment.planName(), enrollment.program(), enrollment.connectorCarePlanType());
        }
    }

    private record AdjustmentLine(YearMonth month, BigDecimal amount, String reason) {
    }

    /**
     * The difference for a whole month billed before, from what the month costs the member now: its
     * invoice's premium or, if an earlier change gave it a line already, that change's premium; so
     * this line adds only the new difference.
     */
    private static AdjustmentLine billedMonthLine(Enrollment enrollment, YearMonth month, Rating rated) {
        BigDecimal now = premium(enrollment, month).memberResponsibility();
        return new AdjustmentLine(month, rated.memberResponsibility().subtract(now),
                "Your premium for the whole month changed from " + money(now) + " to " + money(rated.memberResponsibility()));
    }

    /**
     * A change that would take effect before the enrollment's coverage starts (a baby born in
     * December, coverage from January) applies in full from its first day, tax credit included: the
     * household was already so when coverage began.
     */
    private static EffectiveDate notBeforeCoverage(Enrollment enrollment, EffectiveDate effective) {
        LocalDate start = enrollment.coverageStart();
        return effective.coverage().isBefore(start) ? new EffectiveDate(start, YearMonth.from(start)) : effective;
    }

    private static void checkCovered(Enrollment enrollment, EffectiveDate effective) {
        enrollment.coverageEnd().filter(end -> end.isBefore(effective.coverage())).ifPresent(end -> {
            throw new IllegalArgumentException("enrollmentId: the coverage of enrollment " + enrollment.id() + " ends on " + end
                    + ", before the change would take effect on " + effective.coverage());
        });
    }

    /**
     * Through the last month billed or priced already (a later coverage year's premium set at
     * renewal is re-rated too), and no further than coverage goes.
     */
    private static YearMonth lastMonthToRate(Enrollment enrollment, EffectiveDate effective, Set<YearMonth> billed) {
        YearMonth last = effective.premium();
        for (YearMonth month : billed) {
            last = month.isAfter(last) ? month : last;
        }
        YearMonth priced = enrollment.latestPremiumMonth().orElse(last);
        last = priced.isAfter(last) ? priced : last;
        Optional<YearMonth> lastCovered = enrollment.coverageEnd().map(YearMonth::from);
        if (lastCovered.isPresent() && lastCovered.get().isBefore(last)) {
            last = lastCovered.get().isBefore(effective.premium()) ? effective.premium() : lastCovered.get();
        }
        return last;
    }

    private SortedMap<YearMonth, Rating> rateMonths(Household household, String planId, YearMonth from, YearMonth through) {
        SortedMap<YearMonth, Rating> ratings = new TreeMap<>();
        for (YearMonth month = from; !month.isAfter(through); month = month.plusMonths(1)) {
            ratings.put(month, rating.rate(household, planId, month));
        }
        return ratings;
    }

    /** A premium from the first month, and again from each month whose premium differs (a new coverage year's). */
    private static SortedMap<YearMonth, Premium> premiumsFrom(SortedMap<YearMonth, Rating> ratings) {
        SortedMap<YearMonth, Premium> premiums = new TreeMap<>();
        Premium previous = null;
        for (Map.Entry<YearMonth, Rating> month : ratings.entrySet()) {
            if (!month.getValue().premium().equals(previous)) {
                premiums.put(month.getKey(), month.getValue().premium());
                previous = month.getValue().premium();
            }
        }
        return premiums;
    }

    /**
     * The event's month, covered from the event on at the new gross premium with the old tax credit
     * (no more than the new gross), prorated over those days. Recorded whether or not the month is
     * billed: its monthly premium stays the old one, so its invoice carries the difference.
     */
    private AdjustmentLine eventMonthLine(PremiumChange change, Enrollment enrollment, Household household, String planId,
                                          YearMonth month) {
        Premium old = premium(enrollment, month);
        BigDecimal gross = rating.rate(household, planId, month).premium().gross();
        Premium underNewTerms = new Premium(gross, old.aptc().min(gross));
        int days = month.lengthOfMonth() - change.eventDate().getDayOfMonth() + 1;
        BigDecimal amount = properties.proration().of(underNewTerms.memberResponsibility().subtract(old.memberResponsibility()), month,
                days);
        return new AdjustmentLine(month, amount, "Your coverage changed on " + DAY.format(change.eventDate()) + ": "
                + money(underNewTerms.memberResponsibility()) + " a month instead of " + money(old.memberResponsibility()) + " for "
                + days + " of " + month.lengthOfMonth() + " days; your tax credit changes from the next month");
    }

    private static Premium premium(Enrollment enrollment, YearMonth month) {
        return enrollment.premiumFor(month).orElseThrow(() -> new IllegalStateException("Enrollment " + enrollment.id()
                + " has no premium for " + month + ", which it is covered for"));
    }

    /** The first month from the given one that has no invoice yet: its invoice is the first to carry the change. */
    private static YearMonth firstUnbilled(YearMonth from, List<InvoiceStatus> invoices) {
        YearMonth month = from;
        while (issued(month, invoices)) {
            month = month.plusMonths(1);
        }
        return month;
    }

    private static boolean issued(YearMonth month, List<InvoiceStatus> invoices) {
        return invoices.stream().anyMatch(invoice -> invoice.invoice().coverageMonth().equals(month));
    }

    private static String money(BigDecimal amount) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(amount);
    }
}
