package org.premiumflow.autopay;

/** The life of an AutoPay mandate: requested until its method is verified, then active until replaced or cancelled. */
public enum MandateStatus {
    REQUESTED,
    ACTIVE,
    /** Another method took over the drafts. */
    REPLACED,
    /** The member stopped AutoPay. */
    CANCELLED,
    /** The member withdrew the request before it became active. */
    WITHDRAWN
}
