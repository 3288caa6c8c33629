package org.premiumflow.autopay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.member.Members;
import org.premiumflow.member.UnknownMemberException;
import org.premiumflow.notification.NoticeRequest;
import org.premiumflow.notification.NoticeTemplate;
import org.premiumflow.notification.Notices;
import org.premiumflow.paymentmethod.PaymentMethod;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.premiumflow.paymentmethod.PaymentMethodStatus;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a member's AutoPay request into an active mandate once its method is verified,
 * replacing the active one if there is one, or ends the request when the method failed. Each
 * step locks the member, so it cannot interleave with the member cancelling, and a repeated step
 * answers what the first one did.
 */
@Service
public class MandateActivation {

    private static final Logger log = LoggerFactory.getLogger(MandateActivation.class);

    /**
     * A payment recovery waiting for its retry hears of the new method and retries at once with it;
     * a grace period running charges the past-due months from it at once. With neither the message
     * has no one to tell and is dropped: a new method then only drafts the coming months.
     */
    static final String PAYMENT_METHOD_CHANGED = "payment-method-changed";

    private final AutoPayMandates mandates;
    private final Members members;
    private final PaymentMethodRegistration methods;
    private final AutoPayEligibility eligibility;
    private final BillingCalendar calendar;
    private final Notices notices;
    private final WorkflowMessages messages;
    private final Clock clock;

    MandateActivation(AutoPayMandates mandates, Members members, PaymentMethodRegistration methods, AutoPayEligibility eligibility,
                      BillingCalendar calendar, Notices notices, WorkflowMessages messages, Clock clock) {
        this.mandates = mandates;
        this.members = members;
        this.methods = methods;
        this.eligibility = eligibility;
        this.calendar = calendar;
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    /** Activates the member's AutoPay request on this method, which must be verified by now. */
    @Transactional
    public AutoPayActivation activate(String memberId, long paymentMethodId) {
        lockMember(memberId);
        Optional<AutoPayMandate> requested = mandates.findByMemberIdAndStatus(memberId, MandateStatus.REQUESTED)
                .filter(mandate -> mandate.paymentMethodId() == paymentMethodId);
        if (requested.isEmpty()) {
            return alreadyActivated(paymentMethodId);
        }
        PaymentMethod method = methods.lock(memberId, paymentMethodId);
        if (method.status() != PaymentMethodStatus.VERIFIED) {
            throw new IllegalStateException("AutoPay mandate " + requested.get().id() + " cannot start: payment method "
                    + paymentMethodId + " is " + method.status());
        }
        return activate(requested.get(), eligibility.firstMonth(eligibility.currentEnrollment(memberId)));
    }

    /** Activates a request on a method verified before, at once, and tells the member. Caller holds the member lock. */
    AutoPayActivation activateNow(AutoPayMandate requested, YearMonth firstMonth) {
        AutoPayActivation activation = activate(requested, firstMonth);
        String method = methods.find(requested.memberId(), requested.paymentMethodId()).description();
        String reference = "mandate-" + activation.mandateId();
        if (activation.outcome() == AutoPayActivation.Outcome.REPLACED) {
            notices.send(new NoticeRequest(requested.memberId(), NoticeTemplate.AUTOPAY_METHOD_CHANGED, reference, Map.of(
                    "previousMethod", methods.find(requested.memberId(), activation.previousPaymentMethodId()).description(),
                    "method", method, "firstDraftDate", activation.firstDraftDate())));
        } else {
            notices.send(new NoticeRequest(requested.memberId(), NoticeTemplate.AUTOPAY_CONFIRMATION, reference, Map.of(
                    "method", method, "firstDraftDate", activation.firstDraftDate(),
                    "coverageMonth", activation.firstCoverageMonth())));
        }
        return activation;
    }

    private AutoPayActivation activate(AutoPayMandate mandate, YearMonth firstMonth) {
        Instant now = clock.instant();
        LocalDate firstDraft = calendar.draftDate(firstMonth);
        Optional<AutoPayMandate> previous = mandates.findByMemberIdAndStatus(mandate.memberId(), MandateStatus.ACTIVE);
        previous.ifPresent(old -> {
            old.replacedBy(mandate, firstDraft, now);
            // The old mandate must leave ACTIVE before the new one enters it: one active mandate per member.
            mandates.saveAndFlush(old);
        });
        mandate.activate(firstMonth, firstDraft, previous.orElse(null), now);
        messages.send(new WorkflowMessage(PAYMENT_METHOD_CHANGED, "member-" + mandate.memberId(),
                PAYMENT_METHOD_CHANGED + ":" + mandate.id(), Duration.ZERO, Map.of()));
        log.info("AutoPay mandate {} active for member {}, first draft {}", mandate.id(), mandate.memberId(), firstDraft);
        return activation(mandate, previous.map(AutoPayMandate::paymentMethodId).orElse(null));
    }

    private AutoPayActivation alreadyActivated(long paymentMethodId) {
        return mandates.findFirstByPaymentMethodIdAndStatusOrderByIdDesc(paymentMethodId, MandateStatus.ACTIVE)
                .map(mandate -> activation(mandate, Optional.ofNullable(mandate.replacesMandateId())
                        .flatMap(mandates::findById).map(AutoPayMandate::paymentMethodId).orElse(null)))
                .orElseGet(AutoPayActivation::notRequested);
    }

    private static AutoPayActivation activation(AutoPayMandate mandate, Long previousMethodId) {
        return new AutoPayActivation(previousMethodId == null ? AutoPayActivation.Outcome.ACTIVATED : AutoPayActivation.Outcome.REPLACED,
                mandate.id(), mandate.firstDraftDate(), mandate.firstCoverageMonth(), previousMethodId);
    }

    /** The method AutoPay was asked for could not be verified: the request ends, so the member may ask again with another. */
    @Transactional
    public void withdrawRequest(String memberId, long paymentMethodId) {
        lockMember(memberId);
        mandates.findByMemberIdAndStatus(memberId, MandateStatus.REQUESTED)
                .filter(mandate -> mandate.paymentMethodId() == paymentMethodId)
                .ifPresent(mandate -> {
                    mandate.end(MandateStatus.WITHDRAWN, "its payment method could not be verified", clock.instant());
                    log.info("AutoPay request {} of member {} withdrawn: payment method {} failed", mandate.id(), memberId,
                            paymentMethodId);
                });
    }

    void lockMember(String memberId) {
        members.lockById(memberId).orElseThrow(() -> new UnknownMemberException(memberId));
    }
}
