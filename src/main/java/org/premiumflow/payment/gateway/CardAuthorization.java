package org.premiumflow.payment.gateway;

/** The issuer's answer to an authorization or a charge: approved with a reference, or declined with a code. */
public record CardAuthorization(String reference, CardDecline decline) {

    public static CardAuthorization approved(String reference) {
        return new CardAuthorization(reference, null);
    }

    public static CardAuthorization declined(String reference, CardDecline decline) {
        return new CardAuthorization(reference, decline);
    }

    public boolean approved() {
        return decline == null;
    }
}
