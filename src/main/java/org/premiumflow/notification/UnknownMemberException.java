package org.premiumflow.notification;

/** A notice was asked for a member id the exchange does not know: retrying will not make it known. */
public class UnknownMemberException extends IllegalArgumentException {

    public UnknownMemberException(NoticeRequest request) {
        super("No member " + request.memberId() + ": notice " + request.template() + " (" + request.businessReference()
                + ") cannot be sent");
    }
}
