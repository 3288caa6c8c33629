package org.premiumflow.rating;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.premiumflow.autopay.AutoPayEnrollment;
import org.premiumflow.billing.BillingAdjustment;
import org.premiumflow.billing.BillingAdjustments;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.member.ConnectorCarePlanType;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Program;
import org.premiumflow.notification.NoticeRequest;
import org.premiumflow.notification.NoticeTemplate;
import org.premiumflow.notification.Notices;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.springframework.stereotype.Component;

/**
 * Tells the member their new premium (NEW_PREMIUM, once per change): the monthly amounts, from when,
 * the program and plan, the credits and extra charges for months billed before, and, if AutoPay
 * pays the first invoice that carries the change, what it will draft and when, so the member knows
 * before a changed amount is drafted.
 */
@Component
class NewPremiumNotice {

    private final Notices notices;
    private final BillingAdjustments adjustments;
    private final AutoPayEnrollment autopay;
    private final PaymentMethodRegistration methods;
    private final BillingCalendar calendar;
    private final Clock clock;

    NewPremiumNotice(Notices notices, BillingAdjustments adjustments, AutoPayEnrollment autopay, PaymentMethodRegistration methods,
                     BillingCalendar calendar, Clock clock) {
        this.notices = notices;
        this.adjustments = adjustments;
        this.autopay = autopay;
        this.methods = methods;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** @param firstChangedInvoice the month of the first invoice not issued yet, which carries the change */
    void send(Enrollment enrollment, PremiumChanges.TermsBefore before, AppliedPremiumChange change, YearMonth firstChangedInvoice) {
        String memberId = enrollment.member().memberId();
        Map<String, Object> model = new HashMap<>();
        model.put("grossAmount", change.premium().gross());
        model.put("taxCreditAmount", change.premium().aptc());
        model.put("memberAmount", change.premium().memberResponsibility());
        model.put("firstMonth", change.premiumMonth());
        model.put("coverageChangeDate", change.coverageEffective());
        String program = program(enrollment.program(), enrollment.connectorCarePlanType().orElse(null));
        String programBefore = program(before.program(), before.planType().orElse(null));
        model.put("program", program.equals(programBefore) ? program + " (unchanged)" : program + " (before: " + programBefore + ")");
        model.put("planName", enrollment.planName().equals(before.planName()) ? enrollment.planName() + " (unchanged)"
                : enrollment.planName() + " (before: " + before.planName() + ")");
        model.put("adjustments", change.adjustments().isEmpty() ? "None: you were not billed yet for any month the change covers."
                : change.adjustments().stream().map(BillingAdjustment::inWords).collect(Collectors.joining("\n")));
        LocalDate draftDate = calendar.draftDate(firstChangedInvoice);
        if (!draftDate.isBefore(LocalDate.now(clock))) {
            autopay.draftingOn(memberId, draftDate).ifPresent(mandate -> {
                BigDecimal premium = enrollment.premiumFor(firstChangedInvoice).orElseThrow().memberResponsibility();
                model.put("autopayDraftDate", draftDate);
                model.put("autopayDraftAmount", adjustments.nextInvoiceAmount(enrollment.id(), premium));
                model.put("autopayMethod", methods.find(memberId, mandate.paymentMethodId()).description());
            });
        }
        notices.send(new NoticeRequest(memberId, NoticeTemplate.NEW_PREMIUM, change.reference(), model));
    }

    private static String program(Program program, ConnectorCarePlanType planType) {
        return switch (program) {
            case CONNECTORCARE -> "ConnectorCare Plan Type " + planType.code();
            case APTC_ONLY -> "premium tax credit";
            case UNSUBSIDIZED -> "no premium tax credit";
        };
    }
}
