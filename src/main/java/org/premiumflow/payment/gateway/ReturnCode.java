package org.premiumflow.payment.gateway;

/**
 * Nacha return reason codes an ACH entry can come back with, and what each means for the
 * payment: funds may appear later (retry allowed), the account cannot be used, the member stopped
 * the payment, or the debit was unauthorized.
 */
public enum ReturnCode {
    R01("Insufficient funds", Category.INSUFFICIENT_FUNDS),
    R02("Account closed", Category.ACCOUNT_UNUSABLE),
    R03("No account / unable to locate account", Category.ACCOUNT_UNUSABLE),
    R04("Invalid account number", Category.ACCOUNT_UNUSABLE),
    R05("Unauthorized debit to consumer account using corporate SEC code", Category.UNAUTHORIZED),
    R07("Authorization revoked by customer", Category.UNAUTHORIZED),
    R08("Payment stopped", Category.STOPPED),
    R09("Uncollected funds", Category.INSUFFICIENT_FUNDS),
    R10("Customer advises not authorized", Category.UNAUTHORIZED),
    R11("Customer advises entry not in accordance with the terms of the authorization", Category.UNAUTHORIZED),
    R16("Account frozen", Category.ACCOUNT_UNUSABLE),
    R20("Non-transaction account", Category.ACCOUNT_UNUSABLE),
    R29("Corporate customer advises not authorized", Category.UNAUTHORIZED);

    public enum Category {
        /** R01, R09: at most two re-presentments within 180 days. */
        INSUFFICIENT_FUNDS,
        /** The account cannot be debited: invalidate the method and ask for a new one. */
        ACCOUNT_UNUSABLE,
        /** The member stopped this payment: no retry unless they re-authorize. */
        STOPPED,
        /** Unauthorized or revoked: revoke the mandate, compliance review. */
        UNAUTHORIZED
    }

    private final String description;
    private final Category category;

    ReturnCode(String description, Category category) {
        this.description = description;
        this.category = category;
    }

    public String description() {
        return description;
    }

    public Category category() {
        return category;
    }
}
