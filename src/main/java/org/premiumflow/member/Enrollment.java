package org.premiumflow.member;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** A member's enrollment in a plan from a coverage start date, under a program, with its premiums month by month. */
@Entity
@Table(name = "enrollment")
public class Enrollment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id")
    private Member member;

    private String planId;
    private String planName;
    private LocalDate coverageStart;

    @Enumerated(EnumType.STRING)
    private Program program;

    @Column(name = "connectorcare_plan_type")
    private String connectorCarePlanType;

    private LocalDate coverageEnd;

    @Enumerated(EnumType.STRING)
    private CoverageEndReason endReason;

    private LocalDate reinstateBy;

    private LocalDate appealBy;

    @OneToMany(mappedBy = "enrollment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("effectiveMonth")
    private List<MonthlyPremium> premiums = new ArrayList<>();

    protected Enrollment() {
    }

    /** @param planType required for ConnectorCare, absent otherwise */
    public Enrollment(Member member, String planId, String planName, LocalDate coverageStart, Program program,
                      ConnectorCarePlanType planType) {
        if ((program == Program.CONNECTORCARE) != (planType != null)) {
            throw new IllegalArgumentException("connectorCarePlanType: required for ConnectorCare enrollments and only for them");
        }
        this.member = member;
        this.planId = planId;
        this.planName = planName;
        this.coverageStart = coverageStart;
        this.program = program;
        this.connectorCarePlanType = planType == null ? null : planType.code();
    }

    /** Sets the premium from a month on; the months before keep theirs. */
    public void premiumFrom(YearMonth month, Premium premium) {
        // Changed in place: a row removed and one added for the same month would be inserted
        // before the old one is deleted, against the one-premium-per-month constraint.
        for (MonthlyPremium existing : premiums) {
            if (existing.effectiveMonth().equals(month)) {
                existing.change(premium);
                return;
            }
        }
        premiums.add(new MonthlyPremium(this, month, premium));
        premiums.sort(java.util.Comparator.comparing(MonthlyPremium::effectiveMonth));
    }

    /**
     * The enrollment's terms change from a month on (a life event re-rated it): the plan, program
     * and ConnectorCare plan type now, and the premiums from the first of the given months, each
     * from its month on (a later coverage year is rated with its own data). Premiums set before for
     * later months were worked out under the old terms, so those not given again go. The months
     * before keep their premiums.
     *
     * @param planType         required for ConnectorCare, absent otherwise
     * @param premiumsFrom     at least one month
     */
    public void changeTerms(String planId, String planName, Program program, ConnectorCarePlanType planType,
                            SortedMap<YearMonth, Premium> premiumsFrom) {
        if ((program == Program.CONNECTORCARE) != (planType != null)) {
            throw new IllegalArgumentException("connectorCarePlanType: required for ConnectorCare enrollments and only for them");
        }
        if (premiumsFrom.isEmpty()) {
            throw new IllegalArgumentException("premiumsFrom: at least the first month of the new terms");
        }
        this.planId = planId;
        this.planName = planName;
        this.program = program;
        this.connectorCarePlanType = planType == null ? null : planType.code();
        YearMonth from = premiumsFrom.firstKey();
        premiums.removeIf(existing -> existing.effectiveMonth().isAfter(from) && !premiumsFrom.containsKey(existing.effectiveMonth()));
        premiumsFrom.forEach(this::premiumFrom);
    }

    /** The last month from which a premium was set: months after it pay that premium too. */
    public Optional<YearMonth> latestPremiumMonth() {
        return premiums.stream().map(MonthlyPremium::effectiveMonth).max(java.util.Comparator.naturalOrder());
    }

    /** The premium that applies in a month: the latest one effective on or before it. */
    public Optional<Premium> premiumFor(YearMonth month) {
        Premium applies = null;
        for (MonthlyPremium premium : premiums) {
            if (!premium.effectiveMonth().isAfter(month)) {
                applies = premium.premium();
            }
        }
        return Optional.ofNullable(applies);
    }

    public Long id() {
        return id;
    }

    public Member member() {
        return member;
    }

    public String planId() {
        return planId;
    }

    public String planName() {
        return planName;
    }

    public LocalDate coverageStart() {
        return coverageStart;
    }

    public Program program() {
        return program;
    }

    public Optional<ConnectorCarePlanType> connectorCarePlanType() {
        return Optional.ofNullable(connectorCarePlanType).map(ConnectorCarePlanType::ofCode);
    }

    /** The last day covered, once coverage is to end. */
    public Optional<LocalDate> coverageEnd() {
        return Optional.ofNullable(coverageEnd);
    }

    public Optional<CoverageEndReason> endReason() {
        return Optional.ofNullable(endReason);
    }

    /**
     * Ends coverage after the given day, which may lie in the past: terminations for non-payment are
     * retroactive. The day before coverage start means coverage never began.
     *
     * @throws IllegalArgumentException if the day is earlier than the day before coverage start
     */
    public void endCoverage(LocalDate lastDayCovered, CoverageEndReason reason) {
        if (lastDayCovered.isBefore(coverageStart.minusDays(1))) {
            throw new IllegalArgumentException("coverageEnd: " + lastDayCovered + " is before the coverage of enrollment " + id
                    + " began on " + coverageStart);
        }
        this.coverageEnd = lastDayCovered;
        this.endReason = reason;
    }

    /**
     * Ends coverage for non-payment, as {@link #endCoverage}, and keeps the last day the member may
     * ask to be reinstated and the last day they may appeal (DOMAIN.md section 4), as the
     * termination notice gives them.
     */
    public void endForNonPayment(LocalDate lastDayCovered, LocalDate reinstateBy, LocalDate appealBy) {
        endCoverage(lastDayCovered, CoverageEndReason.NON_PAYMENT);
        this.reinstateBy = reinstateBy;
        this.appealBy = appealBy;
    }

    /** The last day the member may appeal the termination, while coverage stays ended for non-payment. */
    public Optional<LocalDate> appealBy() {
        return Optional.ofNullable(appealBy);
    }

    /** The last day the member may ask to be reinstated, while coverage stays ended for non-payment. */
    public Optional<LocalDate> reinstateBy() {
        return Optional.ofNullable(reinstateBy);
    }

    /** Coverage goes on as if it had never ended: the member was reinstated. */
    public void reinstate() {
        this.coverageEnd = null;
        this.endReason = null;
        this.reinstateBy = null;
        this.appealBy = null;
    }

    @Override
    public String toString() {
        return "Enrollment[" + id + "]";
    }
}
