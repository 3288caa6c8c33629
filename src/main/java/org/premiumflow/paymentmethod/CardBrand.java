package org.premiumflow.paymentmethod;

/** The card network, told by the number's leading digits (its issuer identification number). */
public enum CardBrand {
    VISA,
    MASTERCARD,
    AMERICAN_EXPRESS,
    DISCOVER,
    OTHER;

    static CardBrand of(String digits) {
        if (digits.startsWith("4")) {
            return VISA;
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        if (two == 34 || two == 37) {
            return AMERICAN_EXPRESS;
        }
        if (four == 6011 || two == 65) {
            return DISCOVER;
        }
        return OTHER;
    }
}
