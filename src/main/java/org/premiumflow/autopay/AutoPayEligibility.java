package org.premiumflow.autopay;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Premium;
import org.premiumflow.paymentmethod.InvalidFieldException;
import org.premiumflow.paymentmethod.PaymentMethod;
import org.premiumflow.paymentmethod.PaymentMethodKind;
import org.premiumflow.paymentmethod.PaymentMethodStatus;
import org.premiumflow.paymentmethod.PaymentSetUpConflictException;
import org.springframework.stereotype.Component;

/**
 * Whether a member may pay by a kind of method, and may have AutoPay on a given method: they
 * must be enrolled, their program must accept the kind, the method must be usable and not
 * expire before the first draft, and there must be something to collect.
 */
@Component
class AutoPayEligibility {

    private final Enrollments enrollments;
    private final AcceptedPaymentMethods accepted;
    private final BillingCalendar calendar;
    private final Clock clock;

    AutoPayEligibility(Enrollments enrollments, AcceptedPaymentMethods accepted, BillingCalendar calendar, Clock clock) {
        this.enrollments = enrollments;
        this.accepted = accepted;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Refuses a kind of method the member's program does not take, before anything is stored. */
    void requireAccepted(String memberId, PaymentMethodKind kind) {
        enrollments.findByMemberMemberIdOrderByCoverageStart(memberId).stream().reduce((first, later) -> later)
                .filter(enrollment -> !accepted.accepts(enrollment.program(), kind))
                .ifPresent(enrollment -> {
                    throw new InvalidFieldException("type", kind + " is not accepted for " + enrollment.program() + " premiums");
                });
    }

    /** The first coverage month AutoPay on this method would draft for, if the member may have AutoPay on it. */
    YearMonth requireEligible(PaymentMethod method) {
        if (method.status() != PaymentMethodStatus.VERIFIED && method.status() != PaymentMethodStatus.PENDING_VERIFICATION) {
            throw new PaymentSetUpConflictException("Payment method " + method.id() + " is " + method.status()
                    + " and cannot be used for AutoPay; add another method");
        }
        Enrollment enrollment = currentEnrollment(method.memberId());
        if (!accepted.accepts(enrollment.program(), method.kind())) {
            throw new PaymentSetUpConflictException(method.kind() + " is not accepted for " + enrollment.program() + " premiums");
        }
        YearMonth firstMonth = firstMonth(enrollment);
        if (method.kind() == PaymentMethodKind.CARD && method.cardExpiry().atEndOfMonth().isBefore(calendar.draftDate(firstMonth))) {
            throw new PaymentSetUpConflictException("Payment method " + method.id() + " expires at the end of " + method.cardExpiry()
                    + ", before the first AutoPay draft on " + calendar.draftDate(firstMonth));
        }
        BigDecimal share = enrollment.premiumFor(firstMonth).map(Premium::memberResponsibility).orElse(null);
        if (share != null && share.signum() == 0) {
            throw new PaymentSetUpConflictException("The premium share from " + firstMonth
                    + " is $0.00: there is nothing for AutoPay to collect");
        }
        return firstMonth;
    }

    YearMonth firstMonth(Enrollment enrollment) {
        return calendar.firstAutoPayMonth(enrollment.coverageStart(), LocalDate.now(clock));
    }

    Enrollment currentEnrollment(String memberId) {
        List<Enrollment> all = enrollments.findByMemberMemberIdOrderByCoverageStart(memberId);
        if (all.isEmpty()) {
            throw new PaymentSetUpConflictException("Member " + memberId + " has no enrollment to pay by AutoPay");
        }
        return all.get(all.size() - 1);
    }
}
