package org.premiumflow.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.autopay.AutoPayAuthorization;
import org.premiumflow.autopay.AutoPayEnrollment;
import org.premiumflow.autopay.AutoPayMandate;
import org.premiumflow.autopay.MandateStatus;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.paymentmethod.CardExpiry;
import org.premiumflow.paymentmethod.CardNumber;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.premiumflow.paymentmethod.PaymentMethodStatus;
import org.premiumflow.paymentmethod.PaymentSetUpConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a failed payment does to the member's card and AutoPay, action by action, for a member on
 * AutoPay by card from January 2027; each action applied twice acts once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class PaymentMethodActionsTest {

    static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");
    static final LocalDate DRAFT_DATE = LocalDate.of(2026, 12, 23);

    @Autowired
    PaymentMethodActions actions;
    @Autowired
    AutoPayEnrollment autopay;
    @Autowired
    PaymentMethodRegistration methods;
    @Autowired
    Members members;
    @Autowired
    Enrollments enrollments;
    @Autowired
    ExchangeClock clock;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    String memberId;
    long card;

    @BeforeEach
    void memberOnAutoPayByCard() {
        clock.pin(MONDAY);
        memberId = "M-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(status -> {
            Member member = members.save(new Member(memberId, "Rosa", "Diaz", LocalDate.of(1984, 3, 2), Instant.EPOCH));
            Enrollment enrollment = new Enrollment(member, "P", "Plan", LocalDate.of(2027, 1, 1), Program.UNSUBSIDIZED, null);
            enrollment.premiumFrom(YearMonth.of(2027, 1), new Premium(new BigDecimal("500.00"), BigDecimal.ZERO));
            enrollments.save(enrollment);
        });
        card = methods.addCard(memberId, new CardNumber("4242424242424242"), new CardExpiry(YearMonth.of(2029, 8))).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> methods.find(memberId, card).status() == PaymentMethodStatus.VERIFIED);
        autopay.request(memberId, card, new AutoPayAuthorization("Rosa Diaz", true));
        assertThat(autopay.draftingOn(memberId, DRAFT_DATE)).isPresent();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void applyTwice(MethodAction action, String failureCode) {
        actions.apply(memberId, card, action, failureCode);
        actions.apply(memberId, card, action, failureCode);
    }

    private List<MandateStatus> mandateStatuses() {
        return autopay.mandates(memberId).stream().map(AutoPayMandate::status).toList();
    }

    private List<String> methodEvents() {
        return jdbc.queryForList("select event || ':' || status_after || ':' || coalesce(detail, '') from premiumflow.payment_method_event"
                + " where payment_method_id = ? order by id", String.class, card);
    }

    @Test
    void insufficientFundsKeepTheCardAndAutoPay() {
        applyTwice(MethodAction.KEEP, "51");

        assertThat(mandateStatuses()).containsExactly(MandateStatus.ACTIVE);
        assertThat(methods.find(memberId, card).status()).isEqualTo(PaymentMethodStatus.VERIFIED);
    }

    @Test
    void aStoppedPaymentSuspendsAutoPayUntilTheMemberSetsItUpAgain() {
        applyTwice(MethodAction.SUSPEND_AUTOPAY, "R08");

        assertThat(mandateStatuses()).containsExactly(MandateStatus.SUSPENDED);
        assertThat(autopay.draftingOn(memberId, DRAFT_DATE)).isEmpty();
        assertThat(methods.find(memberId, card).status()).isEqualTo(PaymentMethodStatus.VERIFIED);

        autopay.request(memberId, card, new AutoPayAuthorization("Rosa Diaz", true));
        assertThat(mandateStatuses()).containsExactly(MandateStatus.SUSPENDED, MandateStatus.ACTIVE);
        assertThat(autopay.draftingOn(memberId, DRAFT_DATE)).isPresent();
    }

    @Test
    void aClosedAccountOrLostCardCannotBeUsedAgainAndItsAutoPayStops() {
        applyTwice(MethodAction.INVALIDATE_METHOD, "41");

        assertThat(methods.find(memberId, card).status()).isEqualTo(PaymentMethodStatus.INVALID);
        assertThat(methodEvents()).filteredOn(event -> event.startsWith("INVALIDATED"))
                .containsExactly("INVALIDATED:INVALID:a payment came back with code 41");
        assertThat(mandateStatuses()).containsExactly(MandateStatus.SUSPENDED);
        assertThatThrownBy(() -> autopay.request(memberId, card, new AutoPayAuthorization("Rosa Diaz", true)))
                .isInstanceOf(PaymentSetUpConflictException.class)
                .hasMessageContaining("INVALID and cannot be used for AutoPay");
    }

    @Test
    void anUnauthorizedDebitRevokesTheMandateAndLeavesTheMethodAsItIs() {
        applyTwice(MethodAction.REVOKE_MANDATE, "R10");

        assertThat(mandateStatuses()).containsExactly(MandateStatus.REVOKED);
        assertThat(autopay.draftingOn(memberId, DRAFT_DATE)).isEmpty();
        assertThat(methods.find(memberId, card).status()).isEqualTo(PaymentMethodStatus.VERIFIED);
    }
}
