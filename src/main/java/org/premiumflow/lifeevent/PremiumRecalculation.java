package org.premiumflow.lifeevent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.HouseholdPerson;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.rating.AppliedPremiumChange;
import org.premiumflow.rating.PremiumChange;
import org.premiumflow.rating.PremiumChange.HouseholdAfter;
import org.premiumflow.rating.PremiumChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an approved life event does to the premium: each enrollment still in force is re-rated for
 * the household as the member reported it after the event, and the household itself changes (a
 * spouse or child joins, someone leaves). All of it in one transaction, once: a repeated job finds
 * the changes applied under the event's references, and the household changed, and changes nothing more.
 */
@Service
public class PremiumRecalculation {

    private static final Logger log = LoggerFactory.getLogger(PremiumRecalculation.class);

    private final LifeEvents lifeEvents;
    private final Members members;
    private final Enrollments enrollments;
    private final PremiumChanges premiumChanges;
    private final Clock clock;

    PremiumRecalculation(LifeEvents lifeEvents, Members members, Enrollments enrollments, PremiumChanges premiumChanges, Clock clock) {
        this.lifeEvents = lifeEvents;
        this.members = members;
        this.enrollments = enrollments;
        this.premiumChanges = premiumChanges;
        this.clock = clock;
    }

    /**
     * @param effectiveDateRule as decision {@code life-event} gave it for the event's type
     * @throws IllegalStateException when the event is not approved: only an approved event changes what the member owes
     */
    @Transactional
    public List<AppliedPremiumChange> recalculate(long lifeEventId, String effectiveDateRule) {
        LifeEvent event = lifeEvents.byId(lifeEventId)
                .orElseThrow(() -> new IllegalArgumentException("lifeEventId: no life event " + lifeEventId));
        if (event.status() != LifeEventStatus.APPROVED) {
            throw new IllegalStateException("Life event " + lifeEventId + " is " + event.status()
                    + ", not APPROVED: nothing to recalculate");
        }
        Member member = members.findById(event.memberId()).orElseThrow();
        LifeEventReport report = event.report();
        HouseholdAfter household = new HouseholdAfter(report.householdSize(), report.annualIncome(), enrolleesAfter(member, report),
                report.eligibleForOtherCoverage());
        List<AppliedPremiumChange> changes = new ArrayList<>();
        for (Enrollment enrollment : enrollments.findByMemberMemberIdOrderByCoverageStart(member.memberId())) {
            if (enrollment.coverageEnd().isEmpty()) {
                changes.add(premiumChanges.apply(new PremiumChange(member.memberId(), enrollment.id(),
                        "life-event-" + lifeEventId + "-enrollment-" + enrollment.id(), effectiveDateRule,
                        report.eventDate(), event.reportedOn(), household, report.planId().orElse(null))));
            }
        }
        // The household changes with the approved event even when no enrollment is left to re-rate.
        if (lifeEvents.markHouseholdChanged(lifeEventId, clock.instant())) {
            changeHousehold(member, report);
        }
        log.info("Life event {} of member {}: {} enrollment(s) re-rated", lifeEventId, member.memberId(), changes.size());
        return changes;
    }

    /** The member, everyone still in the household but those leaving with the event, and those joining. */
    private static List<LocalDate> enrolleesAfter(Member member, LifeEventReport report) {
        List<LocalDate> enrollees = new ArrayList<>();
        enrollees.add(member.dateOfBirth());
        member.household().stream()
                .filter(person -> person.inHousehold() && !report.leaving().contains(person.id()))
                .map(HouseholdPerson::dateOfBirth)
                .forEach(enrollees::add);
        report.joining().forEach(person -> enrollees.add(person.dateOfBirth()));
        return enrollees;
    }

    private static void changeHousehold(Member member, LifeEventReport report) {
        // Those leaving first: the people joining have no id until they are stored.
        member.household().stream().filter(person -> report.leaving().contains(person.id()))
                .forEach(person -> person.leave(report.eventDate()));
        report.joining().forEach(person -> member.addToHousehold(person.firstName(), person.lastName(), person.dateOfBirth(),
                person.relationship()));
    }
}
