package org.premiumflow.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.premiumflow.embedded.mail.EmbeddedSmtpServer;
import org.premiumflow.member.ConnectorCarePlanType;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The member most scenarios start from: Rosa Diaz, reachable by e-mail only, enrolled in a silver
 * plan from January 2027 (or another month) at one premium. Each call makes a new member, so scenarios sharing an
 * application never see each other's ledger or mail.
 */
public record EnrolledMember(String memberId, String email, long enrollmentId, MemberMailbox mailbox) {

    public static final YearMonth FIRST_MONTH = YearMonth.of(2027, 1);

    public static EnrolledMember enroll(ApplicationContext context, Program program, Premium premium, Instant joinedAt) {
        return enroll(context, program, premium, FIRST_MONTH, joinedAt);
    }

    /** Enrolled from another month, for scenarios that must not share billing runs with the others. */
    public static EnrolledMember enroll(ApplicationContext context, Program program, Premium premium, YearMonth firstMonth,
                                        Instant joinedAt) {
        return enroll(context, "MA-SILVER-01", "Silver 2000", program, null, premium, firstMonth, joinedAt);
    }

    /** Enrolled in another plan, a ConnectorCare plan with its plan type for example. */
    public static EnrolledMember enroll(ApplicationContext context, String planId, String planName, Program program,
                                        ConnectorCarePlanType planType, Premium premium, YearMonth firstMonth, Instant joinedAt) {
        String memberId = "M-" + UUID.randomUUID().toString().substring(0, 8);
        String email = memberId.toLowerCase() + "@example.org";
        long enrollmentId = context.getBean(TransactionTemplate.class).execute(status -> {
            Member member = new Member(memberId, "Rosa", "Diaz", LocalDate.of(1984, 3, 2), joinedAt);
            member.contactAt(email, null);
            context.getBean(Members.class).save(member);
            Enrollment enrollment = new Enrollment(member, planId, planName, firstMonth.atDay(1), program, planType);
            enrollment.premiumFrom(firstMonth, premium);
            return context.getBean(Enrollments.class).save(enrollment).id();
        });
        MemberMailbox mailbox = new MemberMailbox(context.getBean(JdbcTemplate.class), context.getBean(EmbeddedSmtpServer.class),
                memberId, email);
        return new EnrolledMember(memberId, email, enrollmentId, mailbox);
    }
}
