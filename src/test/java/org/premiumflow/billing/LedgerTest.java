package org.premiumflow.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member's ledger: invoices once per month, payments once per key, applied to the oldest month
 * first, part payments leaving the rest due, overpayments paying the next invoice, returns undoing
 * what they paid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class LedgerTest {

    static final YearMonth JANUARY = YearMonth.of(2027, 1);
    static final YearMonth FEBRUARY = YearMonth.of(2027, 2);
    static final YearMonth MARCH = YearMonth.of(2027, 3);

    @Autowired
    Ledger ledger;
    @Autowired
    Invoicing invoicing;
    @Autowired
    PaymentPosting posting;
    @Autowired
    Members members;
    @Autowired
    Enrollments enrollments;
    @Autowired
    TransactionTemplate transactions;

    String memberId;
    Enrollment enrollment;

    @BeforeEach
    void memberPaying211Dollars25AMonth() {
        memberId = "M-" + UUID.randomUUID().toString().substring(0, 8);
        enrollment = enrolled(memberId, "612.40", "401.15");
    }

    private Enrollment enrolled(String id, String gross, String aptc) {
        return transactions.execute(status -> {
            Member member = members.save(new Member(id, "Rosa", "Diaz", LocalDate.of(1984, 3, 2), Instant.EPOCH));
            Enrollment enrollment = new Enrollment(member, "P", "Plan", JANUARY.atDay(1), Program.APTC_ONLY, null);
            enrollment.premiumFrom(JANUARY, new Premium(new BigDecimal(gross), new BigDecimal(aptc)));
            return enrollments.save(enrollment);
        });
    }

    private Invoice issue(YearMonth month) {
        return transactions.execute(status -> invoicing.issue(enrollments.findById(enrollment.id()).orElseThrow(), month));
    }

    private Payment pay(String amount) {
        return posting.post(memberId, new BigDecimal(amount), Payment.Channel.ONE_TIME, null, "one-time:" + UUID.randomUUID(),
                Payment.Status.SETTLED, null);
    }

    private List<String> openByMonth() {
        return ledger.invoices(memberId).stream().map(i -> i.invoice().coverageMonth() + " " + i.open().toPlainString()).toList();
    }

    @Test
    void aMonthIsInvoicedOnceForTheMembersShareDueOnThe23rdBefore() {
        Invoice first = issue(JANUARY);
        Invoice again = issue(JANUARY);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.amount()).isEqualByComparingTo("211.25");
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(ledger.invoices(memberId)).hasSize(1);
    }

    @Test
    void aPaymentPaysTheOldestMonthFirstAndAPartPaymentLeavesTheRestDue() {
        issue(JANUARY);
        issue(FEBRUARY);

        pay("300.00");

        assertThat(openByMonth()).containsExactly("2027-01 0.00", "2027-02 122.50");
    }

    @Test
    void anOverpaymentIsACreditThatPaysTheNextInvoice() {
        issue(JANUARY);
        pay("500.00");
        assertThat(openByMonth()).containsExactly("2027-01 0.00");

        issue(FEBRUARY);
        issue(MARCH);

        assertThat(openByMonth()).containsExactly("2027-01 0.00", "2027-02 0.00", "2027-03 133.75");
    }

    @Test
    void aPaymentPostedTwiceWithOneKeyCountsOnce() {
        issue(JANUARY);
        Payment first = posting.post(memberId, new BigDecimal("100.00"), Payment.Channel.ONE_TIME, null, "one-time:" + memberId,
                Payment.Status.SETTLED, null);
        Payment again = posting.post(memberId, new BigDecimal("100.00"), Payment.Channel.ONE_TIME, null, "one-time:" + memberId,
                Payment.Status.SETTLED, null);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(openByMonth()).containsExactly("2027-01 111.25");
    }

    @Test
    void aReturnedDebitPaysNothingAndItsMonthIsDueAgain() {
        issue(JANUARY);
        Payment draft = posting.post(memberId, new BigDecimal("211.25"), Payment.Channel.AUTOPAY, null, "autopay:" + memberId,
                Payment.Status.PENDING, "ach_1");
        assertThat(openByMonth()).as("a pending debit counts as paying").containsExactly("2027-01 0.00");

        posting.returned(memberId, draft.id(), "R01");
        posting.returned(memberId, draft.id(), "R01");

        assertThat(openByMonth()).containsExactly("2027-01 211.25");
        assertThat(ledger.payments(memberId)).singleElement().satisfies(payment -> {
            assertThat(payment.status()).isEqualTo(Payment.Status.RETURNED);
            assertThat(payment.returnCode()).isEqualTo("R01");
        });
    }

    @Test
    void aReturnReopensTheMonthButOtherCreditPaysItAgain() {
        issue(JANUARY);
        Payment draft = posting.post(memberId, new BigDecimal("211.25"), Payment.Channel.AUTOPAY, null, "autopay:" + memberId,
                Payment.Status.PENDING, "ach_2");
        pay("211.25");
        assertThat(openByMonth()).containsExactly("2027-01 0.00");

        posting.returned(memberId, draft.id(), "R01");

        assertThat(openByMonth()).as("the one-time payment, a credit until now, pays January").containsExactly("2027-01 0.00");
    }

    @Test
    void aZeroPremiumIsPaidInFullWithNothingToCollect() {
        memberId = "M-" + UUID.randomUUID().toString().substring(0, 8);
        enrollment = enrolled(memberId, "450.00", "450.00");

        issue(JANUARY);

        assertThat(ledger.invoices(memberId)).singleElement().satisfies(invoice -> assertThat(invoice.paidInFull()).isTrue());
        assertThat(ledger.payments(memberId)).isEmpty();
    }
}
