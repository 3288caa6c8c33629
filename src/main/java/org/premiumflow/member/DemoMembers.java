package org.premiumflow.member;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few made-up members, one per program, so the embedded application can be tried at once
 * (members come from the exchange's enrollment system, which is not part of this application).
 * On by default on embedded defaults only; a member already there is left as it is.
 */
@Component
@ConditionalOnProperty(name = "premiumflow.demo-members", havingValue = "true")
class DemoMembers {

    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

    private final Members members;
    private final Enrollments enrollments;
    private final Clock clock;

    DemoMembers(Members members, Enrollments enrollments, Clock clock) {
        this.members = members;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void create() {
        YearMonth coverageStart = YearMonth.now(clock).plusMonths(1);
        // Plans and premiums as rated from the shipped 2027 data (V16), so that a life event reported
        // for them re-rates from the same tables. Phone numbers from the 555-0100 to 555-0199 range,
        // which exists only in fiction; M-9003 has none.
        // Rosa, 42, single at $40,000: Silver 2000 at factor 1.350, tax credit $702.00 - $282.00.
        add("M-9001", "Rosa", "Diaz", "+16175550101", LocalDate.of(1984, 3, 2), coverageStart,
                new Plan("MA-SILVER-01", "Silver 2000", Program.APTC_ONLY, null), "681.75", "420.00");
        // Sam, 35, single at $30,000: ConnectorCare Plan Type 2B at factor 1.150, tax credit $598.00 - $150.50.
        add("M-9002", "Sam", "Lee", "+16175550102", LocalDate.of(1991, 9, 17), coverageStart,
                new Plan("MA-CC-01", "ConnectorCare HMO", Program.CONNECTORCARE, ConnectorCarePlanType.TYPE_2B), "580.75", "447.50");
        // Ana, 56, over 400% of the poverty level: Bronze 4000 at factor 1.700, no tax credit.
        add("M-9003", "Ana", "Costa", null, LocalDate.of(1970, 1, 5), coverageStart,
                new Plan("MA-BRONZE-01", "Bronze 4000", Program.UNSUBSIDIZED, null), "646.00", "0.00");
    }

    private record Plan(String id, String name, Program program, ConnectorCarePlanType planType) {
    }

    private void add(String memberId, String firstName, String lastName, String phone, LocalDate dateOfBirth,
                     YearMonth coverageStart, Plan plan, String gross, String aptc) {
        if (members.existsById(memberId)) {
            return;
        }
        Member member = members.save(new Member(memberId, firstName, lastName, dateOfBirth, clock.instant()));
        member.contactAt(firstName.toLowerCase() + "@example.org", phone);
        Enrollment enrollment = new Enrollment(member, plan.id(), plan.name(), coverageStart.atDay(1), plan.program(), plan.planType());
        enrollment.premiumFrom(coverageStart, new Premium(new BigDecimal(gross), new BigDecimal(aptc)));
        enrollments.save(enrollment);
        log.info("Demo member {} created", memberId);
    }
}
