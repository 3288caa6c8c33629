package org.premiumflow.autopay;

/** The life of an AutoPay mandate: requested until its method is verified, then active until replaced, cancelled or stopped. */
public enum MandateStatus {
    REQUESTED,
    ACTIVE,
    /** Another method took over the drafts. */
    REPLACED,
    /** The member stopped AutoPay. */
    CANCELLED,
    /** The member withdrew the request before it became active. */
    WITHDRAWN,
    /** Stopped by the exchange after a payment came back (payment stopped, account closed): the member sets AutoPay up again. */
    SUSPENDED,
    /** The bank said a debit was not authorized: no more drafts on this authorization. */
    REVOKED
}
