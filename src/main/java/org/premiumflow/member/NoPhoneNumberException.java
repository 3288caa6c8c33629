package org.premiumflow.member;

import java.util.List;

/**
 * A member chose text messages for an alert but has no phone number on file, so nothing was
 * changed (answered with 422). Names the member, never a number.
 */
public class NoPhoneNumberException extends RuntimeException {

    private final List<Integer> choices;

    NoPhoneNumberException(String memberId, List<Integer> choices) {
        super("Member " + memberId + " has no phone number on file, so no alert can go by text message");
        this.choices = List.copyOf(choices);
    }

    /** Where the choices asking for text messages stand in the list given, counting from 0. */
    public List<Integer> choices() {
        return choices;
    }
}
