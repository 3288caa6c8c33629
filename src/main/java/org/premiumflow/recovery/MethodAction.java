package org.premiumflow.recovery;

/** What becomes of the payment method and its AutoPay after a failed payment, as decision {@code retry-policy} says. */
public enum MethodAction {
    /** Insufficient funds and the like: the method stays and AutoPay goes on. */
    KEEP,
    /** Payment stopped (R08): AutoPay stops until the member sets it up again; the method stays usable. */
    SUSPEND_AUTOPAY,
    /** Account closed, frozen or invalid, card lost or stolen: the method cannot be used any more, and AutoPay from it stops. */
    INVALIDATE_METHOD,
    /** The bank says the debit was not authorized (R05, R07, R10, R11, R29): no more drafts on this authorization. */
    REVOKE_MANDATE
}
