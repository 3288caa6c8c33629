package org.premiumflow.web.api;

/**
 * A payment method as the member enters it: a bank account ({@code type} BANK_ACCOUNT with
 * account type, name, routing and account number) or a card ({@code type} CARD with number and
 * expiry month, e.g. 2028-04). With {@code autopay} the member also authorizes AutoPay on it.
 */
record NewPaymentMethodRequest(String type, String accountType, String nameOnAccount, String routingNumber,
                               String accountNumber, String cardNumber, String expiry, AutoPayRequest autopay) {

    /** The member's AutoPay authorization: who signs, and that they agree to the terms. */
    record AutoPayRequest(Long paymentMethodId, String authorizedBy, Boolean agreedToTerms) {
    }

    /** Never echoes the numbers, should the request be printed. */
    @Override
    public String toString() {
        return "NewPaymentMethodRequest[type=" + type + "]";
    }
}
