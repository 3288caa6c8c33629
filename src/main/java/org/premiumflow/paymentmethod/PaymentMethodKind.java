package org.premiumflow.paymentmethod;

public enum PaymentMethodKind {
    BANK_ACCOUNT,
    CARD
}
