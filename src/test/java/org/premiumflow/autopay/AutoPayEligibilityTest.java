package org.premiumflow.autopay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.calendar.BillingProperties;
import org.premiumflow.calendar.FederalReserveCalendar;
import org.premiumflow.member.ConnectorCarePlanType;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Member;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.paymentmethod.InvalidFieldException;
import org.premiumflow.paymentmethod.PaymentMethod;
import org.premiumflow.paymentmethod.PaymentMethodKind;
import org.premiumflow.paymentmethod.PaymentMethodStatus;
import org.premiumflow.paymentmethod.PaymentSetUpConflictException;

/** Who may have AutoPay on which method: the program's accepted kinds, a card that lasts, something to collect. */
class AutoPayEligibilityTest {

    private static final Clock FRIDAY_AFTER_THANKSGIVING = Clock.fixed(Instant.parse("2026-11-27T15:00:00Z"),
            ZoneId.of("America/New_York"));

    private final Enrollments enrollments = mock(Enrollments.class);
    private final BillingCalendar calendar = new BillingCalendar(new FederalReserveCalendar(), new BillingProperties(23, 3));

    private AutoPayEligibility eligibility(Map<Program, Set<PaymentMethodKind>> accepted) {
        return new AutoPayEligibility(enrollments, new AcceptedPaymentMethods(accepted), calendar, FRIDAY_AFTER_THANKSGIVING);
    }

    private void enrolled(String memberId, Program program, ConnectorCarePlanType planType, String gross, String aptc) {
        Member member = new Member(memberId, "Rosa", "Diaz", LocalDate.of(1984, 3, 2), Instant.EPOCH);
        Enrollment enrollment = new Enrollment(member, "P", "Plan", LocalDate.of(2027, 1, 1), program, planType);
        enrollment.premiumFrom(YearMonth.of(2027, 1), new Premium(new BigDecimal(gross), new BigDecimal(aptc)));
        when(enrollments.findByMemberMemberIdOrderByCoverageStart(memberId)).thenReturn(List.of(enrollment));
    }

    private static PaymentMethod method(String memberId, PaymentMethodKind kind, PaymentMethodStatus status, YearMonth cardExpiry) {
        PaymentMethod method = mock(PaymentMethod.class);
        when(method.memberId()).thenReturn(memberId);
        when(method.kind()).thenReturn(kind);
        when(method.status()).thenReturn(status);
        when(method.cardExpiry()).thenReturn(cardExpiry);
        return method;
    }

    @Test
    void aProgramThatTakesNoCardsRefusesOneNamingTheField() {
        enrolled("M-1", Program.CONNECTORCARE, ConnectorCarePlanType.TYPE_2B, "498.00", "438.00");
        AutoPayEligibility bankOnly = eligibility(Map.of(Program.CONNECTORCARE, Set.of(PaymentMethodKind.BANK_ACCOUNT)));

        assertThatThrownBy(() -> bankOnly.requireAccepted("M-1", PaymentMethodKind.CARD))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("type"));
        bankOnly.requireAccepted("M-1", PaymentMethodKind.BANK_ACCOUNT);
        eligibility(Map.of()).requireAccepted("M-1", PaymentMethodKind.CARD);
    }

    @Test
    void theFirstDraftMonthIsGivenForAMethodThatQualifies() {
        enrolled("M-2", Program.APTC_ONLY, null, "612.40", "401.15");

        assertThat(eligibility(Map.of()).requireEligible(method("M-2", PaymentMethodKind.BANK_ACCOUNT,
                PaymentMethodStatus.PENDING_VERIFICATION, null))).isEqualTo(YearMonth.of(2027, 1));
    }

    @Test
    void aCardExpiringBeforeTheFirstDraftCannotCarryAutoPay() {
        enrolled("M-3", Program.APTC_ONLY, null, "612.40", "401.15");

        assertThatThrownBy(() -> eligibility(Map.of()).requireEligible(method("M-3", PaymentMethodKind.CARD,
                PaymentMethodStatus.VERIFIED, YearMonth.of(2026, 11))))
                .isInstanceOf(PaymentSetUpConflictException.class).hasMessageContaining("before the first AutoPay draft on 2026-12-23");
    }

    @Test
    void aZeroPremiumShareHasNothingForAutoPayToCollect() {
        enrolled("M-4", Program.CONNECTORCARE, ConnectorCarePlanType.TYPE_1, "450.00", "450.00");

        assertThatThrownBy(() -> eligibility(Map.of()).requireEligible(method("M-4", PaymentMethodKind.BANK_ACCOUNT,
                PaymentMethodStatus.VERIFIED, null)))
                .isInstanceOf(PaymentSetUpConflictException.class).hasMessageContaining("nothing for AutoPay to collect");
    }

    @Test
    void aFailedOrRemovedMethodCannotCarryAutoPay() {
        enrolled("M-5", Program.UNSUBSIDIZED, null, "734.10", "0.00");

        assertThatThrownBy(() -> eligibility(Map.of()).requireEligible(method("M-5", PaymentMethodKind.BANK_ACCOUNT,
                PaymentMethodStatus.FAILED, null))).isInstanceOf(PaymentSetUpConflictException.class);
        assertThatThrownBy(() -> eligibility(Map.of()).requireEligible(method("M-5", PaymentMethodKind.BANK_ACCOUNT,
                PaymentMethodStatus.REMOVED, null))).isInstanceOf(PaymentSetUpConflictException.class);
    }
}
