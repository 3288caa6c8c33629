package org.premiumflow.payment.gateway.sandbox;

import java.util.Arrays;
import java.util.Optional;
import org.premiumflow.payment.gateway.CardDecline;
import org.premiumflow.paymentmethod.CardNumber;

/**
 * Card numbers that make the sandbox processor behave a chosen way, like a processor's test
 * cards; any other valid number behaves like {@link #APPROVES}. Expiry may be any month. A card
 * that declines everything ends in its decline code. docs/sandbox-payment-gateway.md lists the
 * same numbers.
 */
public enum SandboxCard {

    APPROVES("4242424242424242", null, null, false),
    DECLINES_DO_NOT_HONOR("4000000000070005", CardDecline.DO_NOT_HONOR),
    DECLINES_INVALID_CARD_NUMBER("4000000000060014", CardDecline.INVALID_CARD_NUMBER),
    DECLINES_LOST_CARD("4000000000030041", CardDecline.LOST_CARD),
    DECLINES_STOLEN_CARD("4000000000010043", CardDecline.STOLEN_CARD),
    DECLINES_INSUFFICIENT_FUNDS("4000000000000051", CardDecline.INSUFFICIENT_FUNDS),
    DECLINES_EXPIRED_CARD("4000000000070054", CardDecline.EXPIRED_CARD),
    DECLINES_ISSUER_UNAVAILABLE("4000000000020091", CardDecline.ISSUER_UNAVAILABLE),
    DECLINES_SYSTEM_MALFUNCTION("4000000000070096", CardDecline.SYSTEM_MALFUNCTION),
    /** A zero-amount authorization moves no money, so it passes; charges find no funds. */
    CHARGES_DECLINE_INSUFFICIENT_FUNDS("4000000000009995", null, CardDecline.INSUFFICIENT_FUNDS, false),
    /** A card reported lost after it was set up: verified, then every charge gets a hard decline. */
    CHARGES_DECLINE_LOST_CARD("4000000000009987", null, CardDecline.LOST_CARD, false),
    /**
     * A charge is approved and recorded but the call throws as if the response had timed out;
     * asking the status or repeating the call with the same key tells what happened.
     */
    CHARGE_OUTCOME_UNKNOWN("4000000000000119", null, null, true),
    /**
     * The first charge under each idempotency key never reaches the sandbox: nothing is recorded
     * ({@code status} is NOT_FOUND) and the call throws as if it had timed out. The same call again
     * goes through and is approved. Which keys were lost is kept in memory, until a restart.
     */
    CHARGE_LOST_ONCE("4000000000000127", null, null, false);

    private final CardNumber number;
    private final CardDecline authorizationDecline;
    private final CardDecline chargeDecline;
    private final boolean chargeOutcomeUnknown;

    SandboxCard(String number, CardDecline authorizationDecline, CardDecline chargeDecline, boolean chargeOutcomeUnknown) {
        this.number = new CardNumber(number);
        this.authorizationDecline = authorizationDecline;
        this.chargeDecline = chargeDecline;
        this.chargeOutcomeUnknown = chargeOutcomeUnknown;
    }

    SandboxCard(String number, CardDecline decline) {
        this(number, decline, decline, false);
    }

    /** The behaviour a card number selects: {@link #APPROVES} for any number not listed. */
    public static SandboxCard of(CardNumber number) {
        return Arrays.stream(values()).filter(card -> card.number.reveal().equals(number.reveal())).findFirst().orElse(APPROVES);
    }

    /** The card declining both zero-amount authorizations and charges with this code. */
    public static SandboxCard declining(CardDecline decline) {
        return Arrays.stream(values()).filter(card -> card.authorizationDecline == decline).findFirst().orElseThrow();
    }

    public CardNumber number() {
        return number;
    }

    public Optional<CardDecline> authorizationDecline() {
        return Optional.ofNullable(authorizationDecline);
    }

    public Optional<CardDecline> chargeDecline() {
        return Optional.ofNullable(chargeDecline);
    }

    public boolean chargeOutcomeUnknown() {
        return chargeOutcomeUnknown;
    }

    public boolean chargeLostOnce() {
        return this == CHARGE_LOST_ONCE;
    }
}
