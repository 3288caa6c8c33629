package org.premiumflow.autopay;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.member.Enrollment;
import org.premiumflow.member.Enrollments;
import org.premiumflow.member.Members;
import org.premiumflow.member.UnknownMemberException;
import org.premiumflow.notification.NoticeRequest;
import org.premiumflow.notification.NoticeTemplate;
import org.premiumflow.notification.Notices;
import org.premiumflow.paymentmethod.BankAccount;
import org.premiumflow.paymentmethod.CardExpiry;
import org.premiumflow.paymentmethod.CardNumber;
import org.premiumflow.paymentmethod.PaymentMethod;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.premiumflow.paymentmethod.PaymentMethodStatus;
import org.premiumflow.paymentmethod.PaymentSetUpConflictException;
import org.premiumflow.paymentmethod.PaymentSetUpProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member asks for AutoPay on a payment method; once the method is verified the set-up process
 * activates it, with the first draft date the billing calendar gives. A new method for an active
 * AutoPay takes over only when it is verified: the old one keeps drafting until then.
 */
@Service
public class AutoPayEnrollment {

    private static final Logger log = LoggerFactory.getLogger(AutoPayEnrollment.class);

    private final AutoPayMandates mandates;
    private final PaymentMethodRegistration methods;
    private final PaymentSetUpProcess process;
    private final Members members;
    private final Enrollments enrollments;
    private final BillingCalendar calendar;
    private final Notices notices;
    private final Clock clock;

    AutoPayEnrollment(AutoPayMandates mandates, PaymentMethodRegistration methods, PaymentSetUpProcess process,
                      Members members, Enrollments enrollments, BillingCalendar calendar, Notices notices,
                      Clock clock) {
        this.mandates = mandates;
        this.methods = methods;
        this.process = process;
        this.members = members;
        this.enrollments = enrollments;
        this.calendar = calendar;
        this.notices = notices;
        this.clock = clock;
    }

    /** Adds a bank account and, with an authorization, asks for AutoPay on it: both or neither. */
    @Transactional
    public PaymentMethod addBankAccount(String memberId, BankAccount account, AutoPayAuthorization authorization) {
        if (authorization != null) {
            currentEnrollment(memberId);
        }
        PaymentMethod method = methods.addBankAccount(memberId, account);
        if (authorization != null) {
            request(memberId, method.id(), authorization);
        }
        return method;
    }

    /** Adds a card and, with an authorization, asks for AutoPay on it: both or neither. */
    @Transactional
    public PaymentMethod addCard(String memberId, CardNumber number, CardExpiry expiry, AutoPayAuthorization authorization) {
        if (authorization != null) {
            currentEnrollment(memberId);
        }
        PaymentMethod method = methods.addCard(memberId, number, expiry);
        if (authorization != null) {
            request(memberId, method.id(), authorization);
        }
        return method;
    }

    /**
     * Records the member's authorization for AutoPay on one of their methods. A verified method
     * starts the set-up now; a method still being verified is activated when its verification succeeds.
     */
    @Transactional
    public AutoPayMandate request(String memberId, long paymentMethodId, AutoPayAuthorization authorization) {
        PaymentMethod method = methods.find(memberId, paymentMethodId);
        if (method.status() == PaymentMethodStatus.FAILED || method.status() == PaymentMethodStatus.REMOVED) {
            throw new PaymentSetUpConflictException("Payment method " + paymentMethodId + " is " + method.status()
                    + " and cannot be used for AutoPay; add another method");
        }
        currentEnrollment(memberId);
        mandates.findByMemberIdAndStatus(memberId, MandateStatus.REQUESTED).ifPresent(pending -> {
            throw new PaymentSetUpConflictException("An AutoPay request (mandate " + pending.id()
                    + ") is already waiting for its payment method to be verified");
        });
        mandates.findByMemberIdAndStatus(memberId, MandateStatus.ACTIVE)
                .filter(active -> active.paymentMethodId() == paymentMethodId)
                .ifPresent(active -> {
                    throw new PaymentSetUpConflictException("AutoPay already drafts from payment method " + paymentMethodId);
                });
        AutoPayMandate mandate = mandates.save(new AutoPayMandate(memberId, paymentMethodId, authorization, clock.instant()));
        if (method.status() == PaymentMethodStatus.VERIFIED) {
            process.start(method, "autopay-mandate-" + mandate.id());
        }
        log.info("Member {} asked for AutoPay on payment method {} (mandate {})", memberId, paymentMethodId, mandate.id());
        return mandate;
    }

    /**
     * Activates the AutoPay the member asked for on a now verified method, replacing the active
     * one if there is one. Done already, it answers the same again.
     */
    @Transactional
    public AutoPayActivation activate(String memberId, long paymentMethodId) {
        Optional<AutoPayMandate> requested = mandates.findByMemberIdAndStatus(memberId, MandateStatus.REQUESTED)
                .filter(mandate -> mandate.paymentMethodId() == paymentMethodId);
        if (requested.isEmpty()) {
            return alreadyActivated(paymentMethodId);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        YearMonth firstMonth = calendar.firstAutoPayMonth(currentEnrollment(memberId).coverageStart(), today);
        Optional<AutoPayMandate> previous = mandates.findByMemberIdAndStatus(memberId, MandateStatus.ACTIVE);
        previous.ifPresent(old -> {
            old.end(MandateStatus.REPLACED, "replaced by mandate " + requested.get().id(), now);
            // The old mandate must leave ACTIVE before the new one enters it: one active mandate per member.
            mandates.saveAndFlush(old);
        });
        AutoPayMandate mandate = requested.get();
        mandate.activate(firstMonth, calendar.draftDate(firstMonth), previous.orElse(null), now);
        log.info("AutoPay mandate {} active for member {}, first draft {}", mandate.id(), memberId, mandate.firstDraftDate());
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
        mandates.findByMemberIdAndStatus(memberId, MandateStatus.REQUESTED)
                .filter(mandate -> mandate.paymentMethodId() == paymentMethodId)
                .ifPresent(mandate -> {
                    mandate.end(MandateStatus.WITHDRAWN, "its payment method could not be verified", clock.instant());
                    log.info("AutoPay request {} of member {} withdrawn: payment method {} failed", mandate.id(), memberId,
                            paymentMethodId);
                });
    }

    /** Stops AutoPay: the active mandate is cancelled and a pending request withdrawn. */
    @Transactional
    public List<AutoPayMandate> cancel(String memberId) {
        Instant now = clock.instant();
        List<AutoPayMandate> ended = mandates.findByMemberIdOrderById(memberId).stream()
                .filter(mandate -> mandate.status() == MandateStatus.ACTIVE || mandate.status() == MandateStatus.REQUESTED)
                .toList();
        if (ended.isEmpty()) {
            requireMember(memberId);
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

    @Transactional(readOnly = true)
    public List<AutoPayMandate> mandates(String memberId) {
        requireMember(memberId);
        return mandates.findByMemberIdOrderById(memberId);
    }

    @Transactional(readOnly = true)
    public boolean paysAutoPay(long paymentMethodId) {
        return mandates.findFirstByPaymentMethodIdAndStatusOrderByIdDesc(paymentMethodId, MandateStatus.ACTIVE).isPresent()
                || mandates.findFirstByPaymentMethodIdAndStatusOrderByIdDesc(paymentMethodId, MandateStatus.REQUESTED).isPresent();
    }

    private void requireMember(String memberId) {
        if (!members.existsById(memberId)) {
            throw new UnknownMemberException(memberId);
        }
    }

    private Enrollment currentEnrollment(String memberId) {
        List<Enrollment> all = enrollments.findByMemberMemberIdOrderByCoverageStart(memberId);
        if (all.isEmpty()) {
            throw new PaymentSetUpConflictException("Member " + memberId + " has no enrollment to pay by AutoPay");
        }
        return all.get(all.size() - 1);
    }
}
