package org.premiumflow.notification.sms;

/**
 * A text message to one phone: short plain text, never an account or card number.
 *
 * @param phone the member's phone number as on file
 */
public record TextMessage(String phone, String body) {

    public TextMessage {
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("A text message needs a phone number");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("A text message needs a text");
        }
    }

    /** Leaves the number and the text out: both are personal data, and this may be logged. */
    @Override
    public String toString() {
        return "TextMessage[" + body.length() + " characters]";
    }
}
