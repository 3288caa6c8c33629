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
        // Phone numbers from the 555-0100 to 555-0199 range, which exists only in fiction; M-9003 has none.
        add("M-9001", "Rosa", "Diaz", "+16175550101", LocalDate.of(1984, 3, 2), coverageStart, Program.APTC_ONLY, null,
                "612.40", "401.15");
        add("M-9002", "Sam", "Lee", "+16175550102", LocalDate.of(1991, 9, 17), coverageStart, Program.CONNECTORCARE,
                ConnectorCarePlanType.TYPE_2B, "498.00", "438.00");
        add("M-9003", "Ana", "Costa", null, LocalDate.of(1970, 1, 5), coverageStart, Program.UNSUBSIDIZED, null, "734.10", "0.00");
    }

    private void add(String memberId, String firstName, String lastName, String phone, LocalDate dateOfBirth,
                     YearMonth coverageStart, Program program, ConnectorCarePlanType planType, String gross, String aptc) {
        if (members.existsById(memberId)) {
            return;
        }
        Member member = members.save(new Member(memberId, firstName, lastName, dateOfBirth, clock.instant()));
        member.contactAt(firstName.toLowerCase() + "@example.org", phone);
        Enrollment enrollment = new Enrollment(member, "DEMO-" + program, program + " demo plan", coverageStart.atDay(1), program, planType);
        enrollment.premiumFrom(coverageStart, new Premium(new BigDecimal(gross), new BigDecimal(aptc)));
        enrollments.save(enrollment);
        log.info("Demo member {} created", memberId);
    }
}
