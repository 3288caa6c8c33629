package org.premiumflow.paymentmethod;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.premiumflow.calendar.ExchangeClock;

/**
 * Two micro-deposits sent to a bank account, and the member's attempts to confirm their amounts.
 * It ends confirmed, after too many wrong amounts, or expired; once ended it never changes.
 */
@Entity
@Table(name = "micro_deposit_verification")
public class MicroDepositVerification {

    public enum Outcome { CONFIRMED, TOO_MANY_WRONG_AMOUNTS, EXPIRED }

    @Id
    private Long paymentMethodId;
    private String processorReference;
    private Instant sentAt;
    private Instant remindAt;
    private Instant expiresAt;
    private int wrongAttempts;
    private int maxWrongAttempts;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private Instant concludedAt;

    protected MicroDepositVerification() {
    }

    MicroDepositVerification(Long paymentMethodId, String processorReference, Instant sentAt, VerificationProperties rules) {
        this.paymentMethodId = paymentMethodId;
        this.processorReference = processorReference;
        this.sentAt = sentAt;
        this.remindAt = sentAt.plus(rules.reminderAfter());
        // The member is told a date, so the deposits can be confirmed until that date ends at the exchange.
        this.expiresAt = LocalDate.ofInstant(sentAt.plus(rules.expiresAfter()), ExchangeClock.EXCHANGE_ZONE).plusDays(1)
                .atStartOfDay(ExchangeClock.EXCHANGE_ZONE).toInstant();
        this.maxWrongAttempts = rules.maxWrongAttempts();
    }

    boolean isOpen() {
        return outcome == null;
    }

    boolean hasExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void confirmed(Instant now) {
        conclude(Outcome.CONFIRMED, now);
    }

    /** Counts a wrong pair of amounts; the last allowed one ends the verification. */
    void wrongAmounts(Instant now) {
        wrongAttempts++;
        if (wrongAttempts >= maxWrongAttempts) {
            conclude(Outcome.TOO_MANY_WRONG_AMOUNTS, now);
        }
    }

    void expired(Instant now) {
        conclude(Outcome.EXPIRED, now);
    }

    private void conclude(Outcome outcome, Instant now) {
        this.outcome = outcome;
        this.concludedAt = now;
    }

    public Long paymentMethodId() {
        return paymentMethodId;
    }

    String processorReference() {
        return processorReference;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant remindAt() {
        return remindAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The last day, at the exchange, on which the amounts may be confirmed. */
    public LocalDate confirmBy() {
        return LocalDate.ofInstant(expiresAt.minusNanos(1), ExchangeClock.EXCHANGE_ZONE);
    }

    public int attemptsLeft() {
        return isOpen() ? maxWrongAttempts - wrongAttempts : 0;
    }

    /** Why the verification did not succeed, in words for the member; empty while open or once confirmed. */
    public String failureReason() {
        if (outcome == Outcome.TOO_MANY_WRONG_AMOUNTS) {
            return "the amounts were entered wrongly " + wrongAttempts + " times";
        }
        if (outcome == Outcome.EXPIRED) {
            return "the amounts were not confirmed in time";
        }
        return "";
    }

    public Outcome outcome() {
        return outcome;
    }
}
