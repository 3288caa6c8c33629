package org.premiumflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Member;
import org.premiumflow.member.Members;
import org.premiumflow.member.Premium;
import org.premiumflow.member.Program;
import org.premiumflow.recovery.Delinquencies;
import org.premiumflow.support.Http;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
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
    @Autowired
    BillingStatement statement;
    @Autowired
    InvoiceCancellations cancellations;
    @Autowired
    InvoiceCollection collection;
    @Autowired
    ExchangeClock clock;
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Delinquencies delinquencies;

    String memberId;
    Enrollment enrollment;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void memberPaying211Dollars25AMonth() {
        clock.pin(Instant.parse("2026-12-01T15:00:00Z"));
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

    @Test
    void theBillingSummaryShowsBalanceNextDueUpcomingDraftAndHistory() {
        issue(JANUARY);
        issue(FEBRUARY);
        pay("300.00");
        long card = jdbc.queryForObject("""
                insert into premiumflow.payment_method (member_id, kind, status, last_four, card_brand, card_token, card_expiry, created_at)
                values (?, 'CARD', 'VERIFIED', '4242', 'VISA', 'tok_test', '2029-08-01', now()) returning id""", Long.class, memberId);
        jdbc.update("""
                insert into premiumflow.autopay_mandate (member_id, payment_method_id, status, amount_rule, authorized_by, authorized_at,
                    authorization_channel, first_draft_date, coverage_month, activated_at)
                values (?, ?, 'ACTIVE', 'MONTHLY_MEMBER_RESPONSIBILITY', 'Rosa Diaz', now(), 'MEMBER_API', '2026-12-23', '2027-01-01', now())""",
                memberId, card);

        BillingSummary summary = statement.of(memberId);

        assertThat(summary.balance()).isEqualByComparingTo("122.50");
        assertThat(summary.credit()).isEqualByComparingTo("0.00");
        assertThat(summary.nextDue()).isEqualTo(new BillingSummary.Due(FEBRUARY, LocalDate.of(2027, 1, 23), new BigDecimal("122.50")));
        // January 23, 2027 is a Saturday: AutoPay drafts on Friday the 22nd.
        assertThat(summary.upcomingAutoPayDraft()).isEqualTo(new BillingSummary.Draft(LocalDate.of(2027, 1, 22), FEBRUARY,
                new BigDecimal("122.50"), "Visa card ending 4242"));
        assertThat(summary.invoices()).extracting(BillingSummary.InvoiceLine::state)
                .containsExactly(BillingSummary.InvoiceState.PAID, BillingSummary.InvoiceState.PARTLY_PAID);
        assertThat(summary.history()).extracting(BillingSummary.Transaction::kind)
                .containsExactly(BillingSummary.Kind.INVOICE, BillingSummary.Kind.INVOICE, BillingSummary.Kind.PAYMENT);

        JsonNode json = Http.getJson(port, "/api/members/" + memberId + "/billing");
        assertThat(json.get("balance").decimalValue()).isEqualByComparingTo("122.50");
        assertThat(json.get("nextDue").get("coverageMonth").asText()).isEqualTo("2027-02");
        assertThat(json.get("upcomingAutoPayDraft").get("date").asText()).isEqualTo("2027-01-22");
    }

    private static final String ENDED_JANUARY_31 = "coverage ended on January 31, 2027 for non-payment";

    @Test
    void monthsAfterTheLastDayCoveredAreCancelledNotOwedAndWhatPaidThemIsCredit() {
        Invoice january = issue(JANUARY);
        Invoice february = issue(FEBRUARY);
        Invoice march = issue(MARCH);
        pay("300.00");

        List<Invoice> cancelled = cancellations.cancelUncovered(memberId, enrollment.id(), JANUARY.atDay(1),
                LocalDate.of(2027, 1, 31), ENDED_JANUARY_31);

        assertThat(cancelled).extracting(Invoice::id).containsExactly(february.id(), march.id());
        assertThat(ledger.invoice(january.id())).contains(january);
        assertThat(ledger.invoices(memberId)).extracting(InvoiceStatus::paidInFull, InvoiceStatus::cancelled, InvoiceStatus::owed)
                .as("a cancelled month is neither paid nor owed").containsExactly(
                        tuple(true, false, false),
                        tuple(false, true, false),
                        tuple(false, true, false));
        BillingSummary summary = statement.of(memberId);
        assertThat(summary.invoices()).extracting(BillingSummary.InvoiceLine::state).containsExactly(
                BillingSummary.InvoiceState.PAID, BillingSummary.InvoiceState.CANCELLED, BillingSummary.InvoiceState.CANCELLED);
        assertThat(summary.invoices().get(1).cancellationReason()).isEqualTo(ENDED_JANUARY_31);
        assertThat(summary.credit()).as("the 88.75 paid on February").isEqualByComparingTo("88.75");
        assertThat(summary.balance()).isEqualByComparingTo("-88.75");
        assertThat(summary.nextDue()).isNull();
        assertThat(summary.history()).filteredOn(line -> line.kind() == BillingSummary.Kind.CANCELLATION)
                .extracting(BillingSummary.Transaction::description, BillingSummary.Transaction::amount).containsExactly(
                        tuple("Premium for 2027-02 cancelled: " + ENDED_JANUARY_31, new BigDecimal("-211.25")),
                        tuple("Premium for 2027-03 cancelled: " + ENDED_JANUARY_31, new BigDecimal("-211.25")));

        assertThat(cancellations.cancelUncovered(memberId, enrollment.id(), JANUARY.atDay(1), LocalDate.of(2027, 1, 31),
                ENDED_JANUARY_31)).as("ending the same coverage again cancels nothing more").isEmpty();
        assertThat(statement.of(memberId).history()).filteredOn(line -> line.kind() == BillingSummary.Kind.CANCELLATION).hasSize(2);

        InvoiceCollection.DraftResult draft = collection.draft(march.id(), 1);
        assertThat(draft.outcome()).isEqualTo("CANCELLED");
        assertThat(ledger.payments(memberId)).as("nothing drafted for a cancelled month").hasSize(1);

        JsonNode json = Http.getJson(port, "/api/members/" + memberId + "/billing");
        assertThat(json.get("invoices").get(2).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(json.get("invoices").get(2).get("cancellationReason").asText()).isEqualTo(ENDED_JANUARY_31);
    }

    @Test
    void aMonthWithADayCoveredStaysOwed() {
        issue(JANUARY);
        issue(FEBRUARY);

        assertThat(cancellations.cancelUncovered(memberId, enrollment.id(), JANUARY.atDay(1), LocalDate.of(2027, 2, 28),
                "coverage ended on February 28, 2027 for non-payment")).isEmpty();
        assertThat(openByMonth()).containsExactly("2027-01 211.25", "2027-02 211.25");
    }

    @Test
    void undoneCancellationsAreOwedAgainAndTheCreditPaysThemOldestFirstOnlyIfItPaysWhatIsRequired() {
        issue(JANUARY);
        issue(FEBRUARY);
        issue(MARCH);
        pay("211.25");
        cancellations.cancelUncovered(memberId, enrollment.id(), JANUARY.atDay(1), LocalDate.of(2027, 1, 31), ENDED_JANUARY_31);
        pay("400.00");
        assertThat(statement.of(memberId).credit()).as("nothing owed takes it").isEqualByComparingTo("400.00");

        assertThat(cancellations.restore(memberId, enrollment.id(), new BigDecimal("422.50"), "coverage reinstated")).isFalse();
        assertThat(statement.of(memberId).invoices()).extracting(BillingSummary.InvoiceLine::state).as("nothing changed").containsExactly(
                BillingSummary.InvoiceState.PAID, BillingSummary.InvoiceState.CANCELLED, BillingSummary.InvoiceState.CANCELLED);

        assertThat(cancellations.restore(memberId, enrollment.id(), new BigDecimal("400.00"), "coverage reinstated")).isTrue();

        assertThat(openByMonth()).containsExactly("2027-01 0.00", "2027-02 0.00", "2027-03 22.50");
        BillingSummary summary = statement.of(memberId);
        assertThat(summary.credit()).isEqualByComparingTo("0.00");
        assertThat(summary.history()).filteredOn(line -> line.kind() == BillingSummary.Kind.CANCELLATION_UNDONE)
                .extracting(BillingSummary.Transaction::description)
                .containsExactly("Premium for 2027-02 owed again: coverage reinstated", "Premium for 2027-03 owed again: coverage reinstated");
        assertThat(cancellations.restore(memberId, enrollment.id(), BigDecimal.ZERO, "coverage reinstated"))
                .as("run again, nothing more to undo").isTrue();
        assertThat(openByMonth()).containsExactly("2027-01 0.00", "2027-02 0.00", "2027-03 22.50");
    }

    private static final String WAIVED = "premium waived for hardship (request 7, approved January 28, 2027)";

    @Test
    void aHardshipWaiverWritesOffTheMonthsPastDueForGoodAndWhatPaidThemIsCredit() {
        Invoice january = issue(JANUARY);
        issue(FEBRUARY);
        issue(MARCH);
        pay("100.00");
        clock.pin(Instant.parse("2027-02-01T15:00:00Z"));

        List<Invoice> waived = cancellations.waivePastDue(memberId, enrollment.id(), LocalDate.of(2027, 2, 1), WAIVED);

        assertThat(waived).as("January and February are past due; March is due on February 23").extracting(Invoice::coverageMonth)
                .containsExactly(JANUARY, FEBRUARY);
        assertThat(ledger.invoice(january.id())).as("the invoice stays as issued").contains(january);
        assertThat(openByMonth()).as("the 100.00 paid on January pays March").containsExactly("2027-01 0.00", "2027-02 0.00",
                "2027-03 111.25");
        BillingSummary summary = statement.of(memberId);
        assertThat(summary.invoices()).extracting(BillingSummary.InvoiceLine::state, BillingSummary.InvoiceLine::cancellationReason)
                .containsExactly(tuple(BillingSummary.InvoiceState.WAIVED, WAIVED), tuple(BillingSummary.InvoiceState.WAIVED, WAIVED),
                        tuple(BillingSummary.InvoiceState.PARTLY_PAID, null));
        assertThat(summary.balance()).isEqualByComparingTo("111.25");
        assertThat(summary.nextDue().coverageMonth()).isEqualTo(MARCH);
        assertThat(summary.history()).filteredOn(line -> line.kind() == BillingSummary.Kind.WAIVER)
                .extracting(BillingSummary.Transaction::description, BillingSummary.Transaction::amount).containsExactly(
                        tuple("Premium for 2027-01: " + WAIVED, new BigDecimal("-211.25")),
                        tuple("Premium for 2027-02: " + WAIVED, new BigDecimal("-211.25")));
        Enrollment stored = transactions.execute(status -> {
            Enrollment loaded = enrollments.findById(enrollment.id()).orElseThrow();
            loaded.member().memberId();
            return loaded;
        });
        assertThat(delinquencies.paidFullMonthIn(stored, 2027)).as("a waived month is not a month paid").isFalse();
        assertThat(delinquencies.neverPaid(stored)).isTrue();

        assertThat(cancellations.waivePastDue(memberId, enrollment.id(), LocalDate.of(2027, 2, 1), WAIVED))
                .as("run again, it waives nothing more").isEmpty();
        assertThat(statement.of(memberId).history()).filteredOn(line -> line.kind() == BillingSummary.Kind.WAIVER).hasSize(2);

        cancellations.cancelUncovered(memberId, enrollment.id(), JANUARY.atDay(1), LocalDate.of(2027, 2, 28),
                "coverage ended on February 28, 2027 for non-payment");
        assertThat(cancellations.restore(memberId, enrollment.id(), BigDecimal.ZERO, "coverage reinstated")).isTrue();
        assertThat(statement.of(memberId).invoices()).extracting(BillingSummary.InvoiceLine::state)
                .as("reinstatement undoes the coverage end, never the waiver").containsExactly(BillingSummary.InvoiceState.WAIVED,
                        BillingSummary.InvoiceState.WAIVED, BillingSummary.InvoiceState.PARTLY_PAID);
        assertThat(statement.of(memberId).history()).filteredOn(line -> line.kind() == BillingSummary.Kind.CANCELLATION_UNDONE)
                .extracting(BillingSummary.Transaction::description).containsExactly("Premium for 2027-03 owed again: coverage reinstated");

        JsonNode json = Http.getJson(port, "/api/members/" + memberId + "/billing");
        assertThat(json.get("invoices").get(1).get("state").asText()).isEqualTo("WAIVED");
        assertThat(json.get("invoices").get(1).get("cancellationReason").asText()).isEqualTo(WAIVED);
    }
}
