package org.premiumflow.paymentmethod;

import java.math.BigDecimal;
import org.premiumflow.payment.gateway.CardAuthorization;
import org.premiumflow.payment.gateway.IdempotencyKey;
import org.premiumflow.payment.gateway.PaymentGateway;
import org.premiumflow.payment.gateway.PaymentOutcomeUnknownException;
import org.premiumflow.payment.gateway.PaymentStatus;
import org.springframework.stereotype.Service;

/**
 * Moves money from a verified payment method, once per idempotency key: a card is charged, a bank
 * account debited by ACH. The account number is decrypted here only, for the processor. A call
 * whose outcome is unknown is reconciled by asking the processor, never repeated blind; if the
 * processor never got it, the caller may try again with the same key.
 */
@Service
public class MethodCharges {

    /** The Nacha company entry description members see on their statement. */
    private static final String DESCRIPTION = "PREMIUM";

    private final PaymentGateway gateway;
    private final AccountNumberCipher cipher;

    MethodCharges(PaymentGateway gateway, AccountNumberCipher cipher) {
        this.gateway = gateway;
        this.cipher = cipher;
    }

    public MethodCharge charge(PaymentMethod method, BigDecimal amount, IdempotencyKey key) {
        if (method.status() != PaymentMethodStatus.VERIFIED) {
            throw new PaymentSetUpConflictException("Payment method " + method.id() + " is " + method.status()
                    + " and cannot be charged");
        }
        try {
            return method.kind() == PaymentMethodKind.CARD ? cardCharge(gateway.charge(method.cardToken(), amount, key))
                    : MethodCharge.pending(gateway.debit(account(method), amount, DESCRIPTION, key).reference());
        } catch (PaymentOutcomeUnknownException unknown) {
            return reconciled(gateway.status(key), unknown);
        }
    }

    private static MethodCharge cardCharge(CardAuthorization authorization) {
        return authorization.approved() ? MethodCharge.approved(authorization.reference())
                : MethodCharge.declined(authorization.reference(), authorization.decline().code(),
                authorization.decline().description());
    }

    private static MethodCharge reconciled(PaymentStatus status, PaymentOutcomeUnknownException unknown) {
        switch (status.state()) {
            case APPROVED:
            case SETTLED:
                return MethodCharge.approved(status.reference());
            case PENDING:
            case RETURNED:
                // A debit the processor took: whether it settles or came back is for the settlement check to post.
                return MethodCharge.pending(status.reference());
            case DECLINED:
                return MethodCharge.declined(status.reference(), status.decline().code(), status.decline().description());
            default:
                throw unknown;
        }
    }

    private BankAccount account(PaymentMethod method) {
        return new BankAccount(method.accountType(), method.nameOnAccount(), new RoutingNumber(method.routingNumber()),
                cipher.decrypt(method.accountNumberEncrypted()));
    }
}
