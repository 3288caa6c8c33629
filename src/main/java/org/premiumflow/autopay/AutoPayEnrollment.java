package org.premiumflow.autopay;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.premiumflow.notification.NoticeRequest;
import org.premiumflow.notification.NoticeTemplate;
import org.premiumflow.notification.Notices;
import org.premiumflow.paymentmethod.BankAccount;
import org.premiumflow.paymentmethod.CardExpiry;
import org.premiumflow.paymentmethod.CardNumber;
import org.premiumflow.paymentmethod.PaymentMethod;
import org.premiumflow.paymentmethod.PaymentMethodKind;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.premiumflow.paymentmethod.PaymentMethodStatus;
import org.premiumflow.paymentmethod.PaymentSetUpConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a member does with AutoPay: ask for it (with a new method or one they have), see it,
 * cancel it, and remove methods AutoPay does not need. A method still being verified becomes the
 * AutoPay method through the set-up process; a verified one at once. Every change locks the
 * member first, so it cannot interleave with the process activating or withdrawing a request.
 */
@Service
public class AutoPayEnrollment {

    private static final Logger log = LoggerFactory.getLogger(AutoPayEnrollment.class);

    private final AutoPayMandates mandates;
    private final PaymentMethodRegistration methods;
    private final AutoPayEligibility eligibility;
    private final MandateActivation activation;
    private final Notices notices;
    private final Clock clock;

    AutoPayEnrollment(AutoPayMandates mandates, PaymentMethodRegistration methods, AutoPayEligibility eligibility,
                      MandateActivation activation, Notices notices, Clock clock) {
        this.mandates = mandates;
        this.methods = methods;
        this.eligibility = eligibility;
        this.activation = activation;
        this.notices = notices;
        this.clock = clock;
    }

    /** Adds a bank account and, with an authorization, asks for AutoPay on it: both or neither. */
    @Transactional
    public PaymentMethod addBankAccount(String memberId, BankAccount account, AutoPayAuthorization authorization) {
        eligibility.requireAccepted(memberId, PaymentMethodKind.BANK_ACCOUNT);
        PaymentMethod method = methods.addBankAccount(memberId, account);
        if (authorization != null) {
            request(memberId, method.id(), authorization);
        }
        return method;
    }

    /** Adds a card and, with an authorization, asks for AutoPay on it: both or neither. */
    @Transactional
    public PaymentMethod addCard(String memberId, CardNumber number, CardExpiry expiry, AutoPayAuthorization authorization) {
        eligibility.requireAccepted(memberId, PaymentMethodKind.CARD);
        if (authorization != null) {
            // Checked before the card goes to the processor: an AutoPay that cannot be granted stores no card either.
            eligibility.currentEnrollment(memberId);
        }
        PaymentMethod method = methods.addCard(memberId, number, expiry);
        if (authorization != null) {
            request(memberId, method.id(), authorization);
        }
        return method;
    }

    /**
     * Records the member's authorization for AutoPay on one of their methods: a verified method
     * takes over at once, one still being verified when its verification succeeds.
     */
    @Transactional
    public AutoPayMandate request(String memberId, long paymentMethodId, AutoPayAuthorization authorization) {
        activation.lockMember(memberId);
        PaymentMethod method = methods.lock(memberId, paymentMethodId);
        YearMonth firstMonth = eligibility.requireEligible(method);
        mandates.findByMemberIdAndStatus(memberId, MandateStatus.REQUESTED).ifPresent(pending -> {
            throw new PaymentSetUpConflictException("An AutoPay request (mandate " + pending.id()
                    + ") is already waiting for its payment method to be verified");
        });
        mandates.findByMemberIdAndStatus(memberId, MandateStatus.ACTIVE)
                .filter(active -> active.paymentMethodId() == paymentMethodId)
                .ifPresent(active -> {
                    throw new PaymentSetUpConflictException("AutoPay already drafts from payment method " + paymentMethodId);
                });
        AutoPayMandate mandate = mandates.saveAndFlush(new AutoPayMandate(memberId, paymentMethodId, authorization, clock.instant()));
        log.info("Member {} asked for AutoPay on payment method {} (mandate {})", memberId, paymentMethodId, mandate.id());
        if (method.status() == PaymentMethodStatus.VERIFIED) {
            activation.activateNow(mandate, firstMonth);
        }
        return mandate;
    }

    /** Stops AutoPay: the active mandate is cancelled and a pending request withdrawn. */
    @Transactional
    public List<AutoPayMandate> cancel(String memberId) {
        activation.lockMember(memberId);
        Instant now = clock.instant();
        List<AutoPayMandate> ended = mandates.findByMemberIdOrderById(memberId).stream()
                .filter(mandate -> mandate.status() == MandateStatus.ACTIVE || mandate.status() == MandateStatus.REQUESTED)
                .toList();
        if (ended.isEmpty()) {
            throw new PaymentSetUpConflictException("Member " + memberId + " has no AutoPay to cancel");
        }
        for (AutoPayMandate mandate : ended) {
            if (mandate.status() == MandateStatus.ACTIVE) {
                mandate.end(MandateStatus.CANCELLED, "cancelled by the member", now);
                // In this transaction: if the confirmation cannot be sent, AutoPay stays as it was and the member may retry.
                notices.send(new NoticeRequest(memberId, NoticeTemplate.AUTOPAY_CANCELLED, "mandate-" + mandate.id(),
                        Map.of("method", methods.find(memberId, mandate.paymentMethodId()).description())));
            } else {
                mandate.end(MandateStatus.WITHDRAWN, "withdrawn by the member", now);
            }
        }
        log.info("Member {} cancelled AutoPay (mandates {})", memberId, ended.stream().map(AutoPayMandate::id).toList());
        return ended;
    }

    /**
     * Stops every AutoPay mandate that drafts from, or waits for, this method, after a payment from it
     * came back: {@link MandateStatus#SUSPENDED} until the member sets AutoPay up again, or
     * {@link MandateStatus#REVOKED} when the bank said the debit was not authorized. Mandates already
     * stopped stay as they are, so doing it twice changes nothing.
     *
     * @throws IllegalArgumentException for any other status
     */
    @Transactional
    public List<AutoPayMandate> stopDraftingFrom(String memberId, long paymentMethodId, MandateStatus stoppedAs, String reason) {
        if (stoppedAs != MandateStatus.SUSPENDED && stoppedAs != MandateStatus.REVOKED) {
            throw new IllegalArgumentException("stoppedAs: AutoPay is stopped as SUSPENDED or REVOKED, not " + stoppedAs);
        }
        activation.lockMember(memberId);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<AutoPayMandate> stopped = mandates.findByPaymentMethodId(paymentMethodId).stream()
                .filter(mandate -> mandate.memberId().equals(memberId) && mandate.mayDraftFrom(today))
                .toList();
        stopped.forEach(mandate -> mandate.end(stoppedAs, reason, now));
        if (!stopped.isEmpty()) {
            log.info("AutoPay of member {} from payment method {} {} (mandates {})", memberId, paymentMethodId, stoppedAs,
                    stopped.stream().map(AutoPayMandate::id).toList());
        }
        return stopped;
    }

    /**
     * After an R11 return (debit not as authorized) a caseworker found that the member's
     * authorization holds: AutoPay drafts from the method again (see {@link AutoPayMandate#restoring}).
     * AutoPay the member set up on another method meanwhile stands, and nothing is restored; done
     * twice, the second finds the restored mandate active.
     *
     * @return the mandate that drafts now, if any
     */
    @Transactional
    public Optional<AutoPayMandate> restoreRevoked(String memberId, long paymentMethodId) {
        activation.lockMember(memberId);
        Optional<AutoPayMandate> active = mandates.findByMemberIdAndStatus(memberId, MandateStatus.ACTIVE);
        if (active.isPresent()) {
            return active;
        }
        return mandates.findFirstByPaymentMethodIdAndStatusOrderByIdDesc(paymentMethodId, MandateStatus.REVOKED)
                .filter(revoked -> revoked.memberId().equals(memberId))
                .map(revoked -> {
                    AutoPayMandate restored = mandates.saveAndFlush(AutoPayMandate.restoring(revoked, clock.instant()));
                    log.info("AutoPay mandate {} of member {} restored as mandate {} after review", revoked.id(), memberId,
                            restored.id());
                    return restored;
                });
    }

    /** Removes a method that no AutoPay drafts from or waits for, and that is not being verified. */
    @Transactional
    public PaymentMethod removeMethod(String memberId, long paymentMethodId) {
        activation.lockMember(memberId);
        if (usedByAutoPay(paymentMethodId)) {
            throw new PaymentSetUpConflictException("Payment method " + paymentMethodId
                    + " pays your AutoPay: cancel AutoPay or replace its method first");
        }
        return methods.remove(memberId, paymentMethodId);
    }

    @Transactional(readOnly = true)
    public List<AutoPayMandate> mandates(String memberId) {
        methods.list(memberId);
        return mandates.findByMemberIdOrderById(memberId);
    }

    /**
     * The mandate that drafts on a date: the active one from its first draft on, before that the
     * one it replaced, which drafts until its successor's first draft.
     */
    @Transactional(readOnly = true)
    public Optional<AutoPayMandate> draftingOn(String memberId, LocalDate draftDate) {
        return mandates.findByMemberIdOrderById(memberId).stream()
                .filter(mandate -> mandate.draftsOn(draftDate))
                .findFirst();
    }

    /** The mandate AutoPay drafts from now, whatever month is due: the method the member wants charged today. */
    @Transactional(readOnly = true)
    public Optional<AutoPayMandate> active(String memberId) {
        return mandates.findByMemberIdAndStatus(memberId, MandateStatus.ACTIVE);
    }

    /** Whether AutoPay drafts from this method, waits for it, or, replaced, still drafts from it for a while. */
    @Transactional(readOnly = true)
    public boolean usedByAutoPay(long paymentMethodId) {
        LocalDate today = LocalDate.now(clock);
        return mandates.findByPaymentMethodId(paymentMethodId).stream().anyMatch(mandate -> mandate.mayDraftFrom(today));
    }
}
