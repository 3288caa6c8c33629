package org.premiumflow.notification.sms;

/** The provider did not take a text message; the reason never names the phone number. */
public class TextMessageNotSentException extends RuntimeException {

    public TextMessageNotSentException(String reason) {
        super("The text message was not sent: " + reason);
    }
}
