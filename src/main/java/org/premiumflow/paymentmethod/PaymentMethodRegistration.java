package org.premiumflow.paymentmethod;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.premiumflow.member.Members;
import org.premiumflow.member.UnknownMemberException;
import org.premiumflow.payment.gateway.CardRegistration;
import org.premiumflow.payment.gateway.IdempotencyKey;
import org.premiumflow.payment.gateway.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member adds, lists and removes payment methods. A new method is checked in full before
 * anything is stored, is stored pending verification, and starts the payment set-up process.
 */
@Service
public class PaymentMethodRegistration {

    private static final Logger log = LoggerFactory.getLogger(PaymentMethodRegistration.class);
    static final String MEMBER = "member";

    private final Members members;
    private final PaymentMethods methods;
    private final AccountNumberCipher cipher;
    private final PaymentGateway gateway;
    private final PaymentSetUpProcess process;
    private final Clock clock;

    PaymentMethodRegistration(Members members, PaymentMethods methods, AccountNumberCipher cipher, PaymentGateway gateway,
                              PaymentSetUpProcess process, Clock clock) {
        this.members = members;
        this.methods = methods;
        this.cipher = cipher;
        this.gateway = gateway;
        this.process = process;
        this.clock = clock;
    }

    @Transactional
    public PaymentMethod addBankAccount(String memberId, BankAccount account) {
        requireNothingInVerification(memberId);
        PaymentMethod method = methods.save(PaymentMethod.bankAccount(memberId, account, cipher.encrypt(account.accountNumber()),
                clock.instant(), MEMBER));
        return started(method);
    }

    @Transactional
    public PaymentMethod addCard(String memberId, CardNumber number, CardExpiry expiry) {
        expiry.requireNotExpired(YearMonth.now(clock));
        requireNothingInVerification(memberId);
        // The card number goes to the processor only; from here on the method is its token.
        CardRegistration card = gateway.registerCard(number, expiry, IdempotencyKey.of("card-registration", UUID.randomUUID()));
        PaymentMethod method = methods.save(PaymentMethod.card(memberId, card, clock.instant(), MEMBER));
        return started(method);
    }

    private PaymentMethod started(PaymentMethod method) {
        process.start(method);
        log.info("Member {} added payment method {} ({}), verification starts", method.memberId(), method.id(), method.kind());
        return method;
    }

    @Transactional(readOnly = true)
    public List<PaymentMethod> list(String memberId) {
        requireMember(memberId);
        return methods.findByMemberIdOrderById(memberId);
    }

    @Transactional(readOnly = true)
    public PaymentMethod find(String memberId, long methodId) {
        requireMember(memberId);
        return methods.findById(methodId)
                .filter(method -> method.memberId().equals(memberId))
                .orElseThrow(() -> new UnknownPaymentMethodException(memberId, methodId));
    }

    /** The member's method, locked until the transaction ends. */
    @Transactional
    public PaymentMethod lock(String memberId, long methodId) {
        requireMember(memberId);
        return methods.lockById(methodId)
                .filter(method -> method.memberId().equals(memberId))
                .orElseThrow(() -> new UnknownPaymentMethodException(memberId, methodId));
    }

    /** Removes a method that is not being verified; whether AutoPay still needs it is for the caller to know. */
    @Transactional
    public PaymentMethod remove(String memberId, long methodId) {
        PaymentMethod method = lock(memberId, methodId);
        if (method.status() == PaymentMethodStatus.PENDING_VERIFICATION) {
            throw new PaymentSetUpConflictException("Payment method " + methodId + " is being verified and cannot be removed now");
        }
        method.removed(clock.instant(), MEMBER);
        return method;
    }

    /**
     * Marks a verified method unusable because a payment from it came back saying so (the reason
     * names the return or decline code). A method already unusable stays as it is.
     */
    @Transactional
    public PaymentMethod invalidate(String memberId, long methodId, String reason) {
        PaymentMethod method = lock(memberId, methodId);
        method.invalidated(clock.instant(), "system", reason);
        log.info("Payment method {} of member {} is {} after a returned payment", methodId, memberId, method.status());
        return method;
    }

    private void requireNothingInVerification(String memberId) {
        requireMember(memberId);
        methods.findByMemberIdAndStatus(memberId, PaymentMethodStatus.PENDING_VERIFICATION).ifPresent(pending -> {
            throw new PaymentSetUpConflictException("Payment method " + pending.id()
                    + " is still being verified; confirm it or wait for its review before adding another");
        });
    }

    private void requireMember(String memberId) {
        if (!members.existsById(memberId)) {
            throw new UnknownMemberException(memberId);
        }
    }
}
