package org.premiumflow.member;

/** A request names a member the exchange does not know (answered with 404). */
public class UnknownMemberException extends IllegalArgumentException {

    public UnknownMemberException(String memberId) {
        super("No member with id " + memberId);
    }
}
