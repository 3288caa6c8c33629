package org.premiumflow.paymentmethod;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.premiumflow.payment.gateway.CardAuthorization;
import org.premiumflow.payment.gateway.IdempotencyKey;
import org.premiumflow.payment.gateway.MicroDeposits;
import org.premiumflow.payment.gateway.PaymentGateway;
import org.premiumflow.payment.gateway.PaymentOutcomeUnknownException;
import org.premiumflow.payment.gateway.PaymentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves a payment method before it is drafted (Nacha requires it on first use of an account):
 * a bank account by two micro-deposits whose amounts the member confirms, a card by a
 * zero-amount authorization, and either by a caseworker's review when that fails. Each step
 * locks the method, so a repeated or concurrent call finds what the first one did.
 */
@Service
public class PaymentMethodVerification {

    private static final Logger log = LoggerFactory.getLogger(PaymentMethodVerification.class);
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");
    private static final BigDecimal UNDER_ONE_DOLLAR = new BigDecimal("0.99");

    private final PaymentMethods methods;
    private final MicroDepositVerifications verifications;
    private final AccountNumberCipher cipher;
    private final PaymentGateway gateway;
    private final PaymentSetUpProcess process;
    private final VerificationProperties rules;
    private final Clock clock;

    PaymentMethodVerification(PaymentMethods methods, MicroDepositVerifications verifications, AccountNumberCipher cipher,
                              PaymentGateway gateway, PaymentSetUpProcess process, VerificationProperties rules, Clock clock) {
        this.methods = methods;
        this.verifications = verifications;
        this.cipher = cipher;
        this.gateway = gateway;
        this.process = process;
        this.rules = rules;
        this.clock = clock;
    }

    /** How sending micro-deposits went: sent (with when to remind and when they expire), or refused by the bank. */
    public record MicroDepositsSent(boolean sent, Instant remindAt, Instant expiresAt, LocalDate confirmBy, String rejectionReason) {
    }

    @Transactional
    public MicroDepositsSent sendMicroDeposits(long methodId) {
        PaymentMethod method = lock(methodId);
        Optional<MicroDepositVerification> earlier = verifications.findById(methodId);
        if (earlier.isPresent()) {
            return sent(earlier.get());
        }
        if (method.status() != PaymentMethodStatus.PENDING_VERIFICATION) {
            return new MicroDepositsSent(false, null, null, null, verdictOf(method).reason());
        }
        BankAccount account = new BankAccount(method.accountType(), method.nameOnAccount(), new RoutingNumber(method.routingNumber()),
                cipher.decrypt(method.accountNumberEncrypted()));
        MicroDeposits deposits = sendOrReconcile(account, IdempotencyKey.of("micro-deposits", "method-" + methodId));
        Instant now = clock.instant();
        if (!deposits.wasSent()) {
            String reason = "your bank refused the test deposits: " + deposits.rejection().description()
                    + " (" + deposits.rejection().name() + ")";
            method.failed(now, "processor", reason);
            log.info("Micro-deposits to payment method {} were refused with {}", methodId, deposits.rejection());
            return new MicroDepositsSent(false, null, null, null, reason);
        }
        MicroDepositVerification verification = verifications.save(
                new MicroDepositVerification(methodId, deposits.reference(), now, rules));
        method.record(now, "MICRO_DEPOSITS_SENT", "system", null);
        log.info("Micro-deposits sent to payment method {}, reference {}", methodId, deposits.reference());
        return sent(verification);
    }

    private static MicroDepositsSent sent(MicroDepositVerification verification) {
        return new MicroDepositsSent(true, verification.remindAt(), verification.expiresAt(), verification.confirmBy(), null);
    }

    /** An unknown outcome is asked for, never sent again blind; not received at all, it is safe to retry the job. */
    private MicroDeposits sendOrReconcile(BankAccount account, IdempotencyKey key) {
        try {
            return gateway.sendMicroDeposits(account, key);
        } catch (PaymentOutcomeUnknownException unknown) {
            PaymentStatus status = gateway.status(key);
            switch (status.state()) {
                case SETTLED:
                case PENDING:
                    return MicroDeposits.sent(status.reference());
                case RETURNED:
                    return MicroDeposits.rejected(status.reference(), status.returnCode());
                default:
                    throw unknown;
            }
        }
    }

    /**
     * The member enters the two amounts they saw on their statement. A wrong pair counts against
     * the allowed attempts; the verdict is passed to the waiting process.
     */
    @Transactional
    public MicroDepositConfirmation confirmMicroDeposits(String memberId, long methodId, BigDecimal first, BigDecimal second) {
        requireMicroDepositAmount(first);
        requireMicroDepositAmount(second);
        PaymentMethod method = lock(methodId);
        if (!method.memberId().equals(memberId)) {
            throw new UnknownPaymentMethodException(memberId, methodId);
        }
        MicroDepositVerification verification = verifications.findById(methodId).orElseThrow(() ->
                new PaymentSetUpConflictException("No micro-deposits have been sent to payment method " + methodId));
        Instant now = clock.instant();
        if (!verification.isOpen()) {
            throw new PaymentSetUpConflictException("The verification of payment method " + methodId + " has already ended ("
                    + verification.outcome() + ")");
        }
        if (verification.hasExpiredAt(now)) {
            throw new PaymentSetUpConflictException("The micro-deposits to payment method " + methodId + " could be confirmed until "
                    + verification.expiresAt() + "; that time has passed");
        }
        if (gateway.microDepositAmountsMatch(verification.processorReference(), first, second)) {
            verification.confirmed(now);
            method.verified(now, PaymentMethodRegistration.MEMBER, "micro-deposit amounts confirmed");
            process.microDepositsConcluded(verification, memberId, Duration.between(now, verification.expiresAt()));
            return new MicroDepositConfirmation(MicroDepositConfirmation.Result.VERIFIED, 0);
        }
        verification.wrongAmounts(now);
        method.record(now, "WRONG_MICRO_DEPOSIT_AMOUNTS", PaymentMethodRegistration.MEMBER,
                verification.attemptsLeft() + " attempt(s) left");
        if (verification.isOpen()) {
            return new MicroDepositConfirmation(MicroDepositConfirmation.Result.WRONG_AMOUNTS, verification.attemptsLeft());
        }
        log.info("Payment method {} locked after too many wrong micro-deposit amounts; a caseworker reviews it", methodId);
        process.microDepositsConcluded(verification, memberId, Duration.between(now, verification.expiresAt()));
        return new MicroDepositConfirmation(MicroDepositConfirmation.Result.LOCKED, 0);
    }

    private static void requireMicroDepositAmount(BigDecimal amount) {
        if (amount == null || amount.scale() > 2 || amount.compareTo(ONE_CENT) < 0 || amount.compareTo(UNDER_ONE_DOLLAR) > 0) {
            throw new InvalidFieldException("amounts", "each amount must be between 0.01 and 0.99 dollars, in cents");
        }
    }

    /** How a verification ended, as the process routes on it. */
    public record Verdict(String outcome, String reason) {
        static Verdict of(MicroDepositVerification verification) {
            return new Verdict(verification.outcome().name(), verification.failureReason());
        }
    }

    /**
     * The deposits' time is up. If the member confirmed (or locked them) at the last moment, that
     * verdict stands; otherwise the verification ends expired.
     */
    @Transactional
    public Verdict expireMicroDeposits(long methodId) {
        PaymentMethod method = lock(methodId);
        MicroDepositVerification verification = verifications.findById(methodId).orElseThrow(() ->
                new IllegalStateException("No micro-deposits were sent to payment method " + methodId));
        if (verification.isOpen()) {
            Instant now = clock.instant();
            verification.expired(now);
            method.record(now, "MICRO_DEPOSITS_EXPIRED", "system", null);
            log.info("Micro-deposit verification of payment method {} expired", methodId);
        }
        return Verdict.of(verification);
    }

    /** A zero-amount authorization: approved verifies the card, declined fails it. */
    @Transactional
    public Verdict authorizeCard(long methodId) {
        PaymentMethod method = lock(methodId);
        if (method.status() != PaymentMethodStatus.PENDING_VERIFICATION) {
            return verdictOf(method);
        }
        IdempotencyKey key = IdempotencyKey.of("zero-amount-authorization", "method-" + methodId);
        CardAuthorization authorization = authorizeOrReconcile(method.cardToken(), key);
        Instant now = clock.instant();
        if (authorization.approved()) {
            method.verified(now, "processor", "zero-amount authorization approved");
        } else {
            method.failed(now, "processor", "your card issuer declined it: " + authorization.decline().description()
                    + " (" + authorization.decline().code() + ")");
            log.info("Zero-amount authorization of payment method {} declined with {}", methodId, authorization.decline().code());
        }
        return verdictOf(method);
    }

    /** An unknown outcome is asked for, never authorized again blind; not received at all, it is safe to retry the job. */
    private CardAuthorization authorizeOrReconcile(String cardToken, IdempotencyKey key) {
        try {
            return gateway.authorizeZeroAmount(cardToken, key);
        } catch (PaymentOutcomeUnknownException unknown) {
            PaymentStatus status = gateway.status(key);
            switch (status.state()) {
                case APPROVED:
                    return CardAuthorization.approved(status.reference());
                case DECLINED:
                    return CardAuthorization.declined(status.reference(), status.decline());
                default:
                    throw unknown;
            }
        }
    }

    /** A caseworker's decision after the member could not verify the account themselves. */
    @Transactional
    public Verdict recordReview(long methodId, boolean approved, String reviewer, String note) {
        PaymentMethod method = lock(methodId);
        if (method.status() == PaymentMethodStatus.PENDING_VERIFICATION) {
            Instant now = clock.instant();
            String actor = "caseworker " + reviewer;
            if (approved) {
                method.verified(now, actor, "verified manually on review: " + note);
            } else {
                method.failed(now, actor, "rejected on review: " + note);
            }
            log.info("Payment method {} {} on caseworker review", methodId, approved ? "verified" : "rejected");
        }
        if (method.status() == PaymentMethodStatus.FAILED) {
            // The caseworker's note stays in the audit trail; the member is told the outcome in plain words.
            return new Verdict("REJECTED", "our review could not confirm that the account is yours");
        }
        return verdictOf(method);
    }

    /** Why a failed or removed method cannot be used, in words for the member. */
    public String whyNotUsable(PaymentMethod method) {
        return switch (method.status()) {
            case FAILED, REMOVED, INVALID -> verdictOf(method).reason();
            case PENDING_VERIFICATION, VERIFIED -> "";
        };
    }

    @Transactional(readOnly = true)
    public Optional<MicroDepositVerification> microDeposits(long methodId) {
        return verifications.findById(methodId);
    }

    private static Verdict verdictOf(PaymentMethod method) {
        return switch (method.status()) {
            case VERIFIED -> new Verdict("VERIFIED", "");
            case FAILED, INVALID -> new Verdict("REJECTED", lastDetail(method));
            case REMOVED -> new Verdict("REJECTED", "the method was removed");
            case PENDING_VERIFICATION -> throw new IllegalStateException("Payment method " + method.id() + " is still being verified");
        };
    }

    private static String lastDetail(PaymentMethod method) {
        List<PaymentMethodEvent> events = method.events();
        String detail = events.isEmpty() ? null : events.get(events.size() - 1).detail();
        return detail == null ? "" : detail;
    }

    private PaymentMethod lock(long methodId) {
        return methods.lockById(methodId).orElseThrow(() -> new IllegalStateException("No payment method " + methodId));
    }
}
