package org.premiumflow.web.api;

import org.premiumflow.paymentmethod.MicroDepositVerification;
import org.premiumflow.paymentmethod.PaymentMethod;
import org.premiumflow.paymentmethod.PaymentMethodKind;

/** A payment method as the member sees it: masked, with where its verification stands. */
record PaymentMethodView(long id, String type, String status, String description, String lastFour, String accountType,
                         String routingNumber, String cardBrand, String cardExpiry, boolean usedByAutoPay,
                         MicroDeposits microDeposits) {

    /** The micro-deposit check of a bank account: open until confirmed, locked or expired. */
    record MicroDeposits(String outcome, int attemptsLeft, String expiresAt) {
    }

    static PaymentMethodView of(PaymentMethod method, boolean usedByAutoPay, MicroDepositVerification verification) {
        boolean bank = method.kind() == PaymentMethodKind.BANK_ACCOUNT;
        return new PaymentMethodView(method.id(), method.kind().name(), method.status().name(), method.description(),
                method.lastFour(),
                bank ? method.accountType().name() : null,
                bank ? method.routingNumber() : null,
                bank ? null : method.cardBrand().name(),
                bank ? null : method.cardExpiry().toString(),
                usedByAutoPay,
                verification == null ? null : new MicroDeposits(
                        verification.outcome() == null ? "AWAITING_CONFIRMATION" : verification.outcome().name(),
                        verification.attemptsLeft(), verification.expiresAt().toString()));
    }
}
