package org.premiumflow.payment.gateway;

/**
 * Issuer response codes (ISO 8583 field 39) a card authorization or charge can be declined with.
 * A hard decline means the card will never work (lost, stolen, closed, invalid, expired): never
 * retry it. A soft decline may succeed later.
 */
public enum CardDecline {
    DO_NOT_HONOR("05", "Do not honor", false),
    INVALID_CARD_NUMBER("14", "Invalid card number", true),
    LOST_CARD("41", "Lost card, pick up", true),
    STOLEN_CARD("43", "Stolen card, pick up", true),
    INSUFFICIENT_FUNDS("51", "Insufficient funds", false),
    EXPIRED_CARD("54", "Expired card", true),
    ISSUER_UNAVAILABLE("91", "Issuer or switch inoperative", false),
    SYSTEM_MALFUNCTION("96", "System malfunction", false);

    private final String code;
    private final String description;
    private final boolean hard;

    CardDecline(String code, String description, boolean hard) {
        this.code = code;
        this.description = description;
        this.hard = hard;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public boolean hard() {
        return hard;
    }
}
