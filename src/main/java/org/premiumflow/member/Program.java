package org.premiumflow.member;

/** How an enrollment is paid for: without subsidy, with the advance premium tax credit only, or through ConnectorCare. */
public enum Program {
    UNSUBSIDIZED,
    APTC_ONLY,
    CONNECTORCARE
}
