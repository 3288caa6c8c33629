package org.premiumflow.payment.gateway.sandbox;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.premiumflow.payment.gateway.AchDebit;
import org.premiumflow.payment.gateway.CardAuthorization;
import org.premiumflow.payment.gateway.CardDecline;
import org.premiumflow.payment.gateway.CardRegistration;
import org.premiumflow.payment.gateway.MicroDeposits;
import org.premiumflow.payment.gateway.PaymentStatus;
import org.premiumflow.payment.gateway.PaymentStatus.State;
import org.premiumflow.payment.gateway.ReturnCode;
import org.premiumflow.paymentmethod.CardBrand;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the sandbox processor holds: registered cards, card payments, micro-deposits and ACH
 * debits. Like a real processor's records seen from outside, it knows accounts and cards by
 * their last four digits only.
 */
final class SandboxLedger {

    /** Nacha's required company entry description for micro-entries, so the member knows what they are. */
    static final String MICRO_DEPOSIT_DESCRIPTION = "ACCTVERIFY";

    record Card(String token, CardBrand brand, String lastFour, YearMonth expiry, SandboxCard behaviour) {

        CardRegistration registration() {
            return new CardRegistration(token, brand, lastFour, expiry);
        }
    }

    /** A zero-amount authorization or a charge. */
    record CardPayment(String reference, String cardToken, BigDecimal amount, CardDecline decline) {

        CardAuthorization result() {
            return decline == null ? CardAuthorization.approved(reference) : CardAuthorization.declined(reference, decline);
        }

        PaymentStatus status() {
            return decline == null
                    ? new PaymentStatus(State.APPROVED, reference, null, null)
                    : new PaymentStatus(State.DECLINED, reference, null, decline);
        }
    }

    /** Two credits under $1.00 in the order sent, or none when the bank refused them. */
    record MicroDepositPair(String reference, String routingNumber, String lastFour, List<BigDecimal> amounts, ReturnCode rejection) {

        MicroDeposits result() {
            return rejection == null ? MicroDeposits.sent(reference) : MicroDeposits.rejected(reference, rejection);
        }

        /** The sandbox delivers micro-deposits at once: they are settled, or returned when refused. */
        PaymentStatus status() {
            return rejection == null
                    ? new PaymentStatus(State.SETTLED, reference, null, null)
                    : new PaymentStatus(State.RETURNED, reference, rejection, null);
        }

        boolean match(BigDecimal first, BigDecimal second) {
            if (amounts.isEmpty() || first == null || second == null) {
                return false;
            }
            return same(amounts.get(0), first) && same(amounts.get(1), second)
                    || same(amounts.get(0), second) && same(amounts.get(1), first);
        }

        private static boolean same(BigDecimal sent, BigDecimal read) {
            return sent.compareTo(read) == 0;
        }
    }

    /** An ACH debit, with the dates its behaviour fixed when it was submitted. */
    record Debit(String reference, String routingNumber, String lastFour, BigDecimal amount, String description,
                 LocalDate effectiveDate, LocalDate settlesOn, LocalDate returnsOn, ReturnCode returnCode) {

        AchDebit result() {
            return new AchDebit(reference, effectiveDate);
        }

        PaymentStatus statusOn(LocalDate today) {
            if (returnsOn != null && !today.isBefore(returnsOn)) {
                return new PaymentStatus(State.RETURNED, reference, returnCode, null);
            }
            return new PaymentStatus(today.isBefore(settlesOn) ? State.PENDING : State.SETTLED, reference, null, null);
        }
    }

    private final JdbcClient jdbc;

    SandboxLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Card card) {
        jdbc.sql("""
                        insert into premiumflow.sandbox_card (token, brand, last_four, expiry, behaviour)
                        values (?, ?, ?, ?, ?)""")
                .params(card.token(), card.brand().name(), card.lastFour(), card.expiry().atDay(1), card.behaviour().name())
                .update();
    }

    Optional<Card> card(String token) {
        return jdbc.sql("select * from premiumflow.sandbox_card where token = ?").param(token)
                .query((row, number) -> new Card(row.getString("token"), CardBrand.valueOf(row.getString("brand")),
                        row.getString("last_four"), YearMonth.from(row.getObject("expiry", LocalDate.class)),
                        SandboxCard.valueOf(row.getString("behaviour"))))
                .optional();
    }

    void add(CardPayment payment) {
        jdbc.sql("""
                        insert into premiumflow.sandbox_card_payment (reference, card_token, amount, decline)
                        values (?, ?, ?, ?)""")
                .params(payment.reference(), payment.cardToken(), payment.amount(), name(payment.decline()))
                .update();
    }

    Optional<CardPayment> cardPayment(String reference) {
        return jdbc.sql("select * from premiumflow.sandbox_card_payment where reference = ?").param(reference)
                .query((row, number) -> new CardPayment(row.getString("reference"), row.getString("card_token"),
                        row.getBigDecimal("amount"), decline(row)))
                .optional();
    }

    void add(MicroDepositPair deposits) {
        boolean sent = deposits.rejection() == null;
        jdbc.sql("""
                        insert into premiumflow.sandbox_micro_deposits
                            (reference, routing_number, last_four, description, first_amount, second_amount, rejection)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(deposits.reference(), deposits.routingNumber(), deposits.lastFour(), MICRO_DEPOSIT_DESCRIPTION,
                        sent ? deposits.amounts().get(0) : null, sent ? deposits.amounts().get(1) : null,
                        name(deposits.rejection()))
                .update();
    }

    Optional<MicroDepositPair> microDeposits(String reference) {
        return jdbc.sql("select * from premiumflow.sandbox_micro_deposits where reference = ?").param(reference)
                .query(SandboxLedger::microDepositPair)
                .optional();
    }

    List<MicroDepositPair> microDepositsTo(String routingNumber, String lastFour) {
        return jdbc.sql("select * from premiumflow.sandbox_micro_deposits where routing_number = ? and last_four = ? order by reference")
                .params(routingNumber, lastFour)
                .query(SandboxLedger::microDepositPair)
                .list();
    }

    private static MicroDepositPair microDepositPair(ResultSet row, int number) throws SQLException {
        ReturnCode rejection = returnCode(row, "rejection");
        return new MicroDepositPair(row.getString("reference"), row.getString("routing_number"), row.getString("last_four"),
                rejection == null ? List.of(row.getBigDecimal("first_amount"), row.getBigDecimal("second_amount")) : List.of(),
                rejection);
    }

    void add(Debit debit) {
        jdbc.sql("""
                        insert into premiumflow.sandbox_ach_debit (reference, routing_number, last_four, amount, description,
                            effective_date, settles_on, returns_on, return_code)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(debit.reference(), debit.routingNumber(), debit.lastFour(), debit.amount(), debit.description(),
                        debit.effectiveDate(), debit.settlesOn(), debit.returnsOn(), name(debit.returnCode()))
                .update();
    }

    Optional<Debit> debit(String reference) {
        return jdbc.sql("select * from premiumflow.sandbox_ach_debit where reference = ?").param(reference)
                .query((row, number) -> new Debit(row.getString("reference"), row.getString("routing_number"),
                        row.getString("last_four"), row.getBigDecimal("amount"), row.getString("description"),
                        row.getObject("effective_date", LocalDate.class), row.getObject("settles_on", LocalDate.class),
                        row.getObject("returns_on", LocalDate.class), returnCode(row, "return_code")))
                .optional();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static CardDecline decline(ResultSet row) throws SQLException {
        String decline = row.getString("decline");
        return decline == null ? null : CardDecline.valueOf(decline);
    }

    private static ReturnCode returnCode(ResultSet row, String column) throws SQLException {
        String code = row.getString(column);
        return code == null ? null : ReturnCode.valueOf(code);
    }
}
