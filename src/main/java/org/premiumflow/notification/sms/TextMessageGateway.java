package org.premiumflow.notification.sms;

/**
 * The text-message provider, as the application needs it: it takes a text for a phone or refuses
 * it. A text it took cannot be called back, as an e-mail the mail server took cannot.
 */
public interface TextMessageGateway {

    /** @throws TextMessageNotSentException if the provider did not take the text */
    void send(TextMessage message);
}
