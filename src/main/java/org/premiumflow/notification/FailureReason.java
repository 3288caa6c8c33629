package org.premiumflow.notification;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.premiumflow.payment.gateway.CardDecline;
import org.premiumflow.payment.gateway.ReturnCode;

/**
 * Why a premium payment failed and what the member should do about it, in the words a member
 * reads: a Nacha return code or a card decline code is no explanation to a member. The e-mail and
 * the text message both take their wording from here, so the two never tell a member different
 * things, and a template never chooses between codes.
 *
 * @param code the return or decline code, kept for the member to quote when they call
 * @param reason what happened, in plain words, to follow "Why:"
 * @param whatToDo what the member should do, in one or two sentences, for the e-mail
 * @param whatToDoBriefly the same in one short sentence, for a text message
 */
public record FailureReason(String code, String reason, String whatToDo, String whatToDoBriefly) {

    /**
     * The reason and what to do for a payment that failed with the code, as the notice's variables
     * {@code failureCode} and {@code retryDate} give them.
     *
     * @param retryDate the day the payment is tried again, as the member reads it; null when it
     *     is not tried again (the retries allowed are used up, or the failure is never retried)
     * @throws IllegalArgumentException naming the variable, if the code is none we know (a notice
     *     with an empty reason would leave the member guessing), or if a retry date is given for a
     *     failure that is never retried (a closed account, a stopped or unauthorized payment, a card
     *     that cannot be used), where "we will try again" would be false
     */
    public static FailureReason of(String code, String retryDate) {
        Family family = Family.of(code).orElseThrow(() -> new IllegalArgumentException("variable 'failureCode' is not a Nacha "
                + "return code or card decline code but '" + code + "'; expected one of " + Family.known()));
        if (retryDate == null) {
            return new FailureReason(code, family.reason, family.whatToDo, family.whatToDoBriefly);
        }
        if (family.onRetry == null) {
            throw new IllegalArgumentException("variable 'retryDate' was given, but a payment that failed with '" + code
                    + "' is never tried again");
        }
        return new FailureReason(code, family.reason, family.onRetry.formatted(retryDate), family.onRetryBriefly.formatted(retryDate));
    }

    /**
     * The codes grouped by what the member can do about them, following the retry rules of the
     * exchange: funds may arrive (tried again), the account or card is unusable (a new method),
     * the member stopped the payment (authorize it again) or says they never authorized it (talk
     * to us).
     */
    private enum Family {
        NOT_ENOUGH_MONEY(
                "there was not enough money available in the account",
                "Please pay this premium in your Health Connector account as soon as you can.",
                "Please pay in your Health Connector account.",
                "We will try the payment again on %s. Please make sure there is enough money in the account by then.",
                "We will try again on %s; have the funds ready."),
        ACCOUNT_CANNOT_BE_USED(
                "your bank told us this account cannot be used for payments (for example, it is closed or frozen, "
                        + "or the account number is wrong)",
                "We cannot take payments from this account. Please sign in to your Health Connector account, add a new "
                        + "payment method and pay this premium.",
                "Please add a new payment method in your account.",
                null, null),
        PAYMENT_STOPPED(
                "your bank told us a stop payment was placed on it",
                "If you still want to pay from this account, ask your bank to remove the stop payment and sign in to your "
                        + "Health Connector account to authorize the payment again. Or pay this premium another way there.",
                "Please authorize it again or pay another way in your account.",
                null, null),
        NOT_AUTHORIZED(
                "your bank told us the payment was not authorized by the account holder",
                "We will not take payments from this account until we hear from you. Please call us at the customer "
                        + "service number on your bill. If someone set up this payment without your permission, tell us "
                        + "when you call.",
                "Please call us at the number on your bill.",
                null, null),
        CARD_CANNOT_BE_USED(
                "the bank that issued your card told us the card cannot be used (for example, it has expired or was "
                        + "reported lost or stolen)",
                "Please sign in to your Health Connector account and pay this premium with another card or a bank "
                        + "account.",
                "Please pay with another card or a bank account in your account.",
                null, null),
        CARD_DECLINED(
                "the bank that issued your card declined the payment this time",
                "Please pay this premium in your Health Connector account, with this card or another payment method.",
                "Please pay in your Health Connector account.",
                "We will try your card again on %s. If you would rather not wait, you can pay with another card or a "
                        + "bank account in your Health Connector account.",
                "We will try your card again on %s.");

        private final String reason;
        private final String whatToDo;
        private final String whatToDoBriefly;
        /** What to do when the payment is tried again on a date (%s); null for a failure never tried again. */
        private final String onRetry;
        private final String onRetryBriefly;

        Family(String reason, String whatToDo, String whatToDoBriefly, String onRetry, String onRetryBriefly) {
            this.reason = reason;
            this.whatToDo = whatToDo;
            this.whatToDoBriefly = whatToDoBriefly;
            this.onRetry = onRetry;
            this.onRetryBriefly = onRetryBriefly;
        }

        static Optional<Family> of(String code) {
            Optional<Family> ach = Arrays.stream(ReturnCode.values())
                    .filter(returnCode -> returnCode.name().equals(code))
                    .findFirst()
                    .map(Family::of);
            return ach.isPresent() ? ach : Arrays.stream(CardDecline.values())
                    .filter(decline -> decline.code().equals(code))
                    .findFirst()
                    .map(decline -> decline.hard() ? CARD_CANNOT_BE_USED : CARD_DECLINED);
        }

        private static Family of(ReturnCode code) {
            return switch (code.category()) {
                case INSUFFICIENT_FUNDS -> NOT_ENOUGH_MONEY;
                case ACCOUNT_UNUSABLE -> ACCOUNT_CANNOT_BE_USED;
                case STOPPED -> PAYMENT_STOPPED;
                case UNAUTHORIZED -> NOT_AUTHORIZED;
            };
        }

        static String known() {
            return Stream.concat(Arrays.stream(ReturnCode.values()).map(Enum::name),
                            Arrays.stream(CardDecline.values()).map(CardDecline::code))
                    .collect(Collectors.joining(", "));
        }
    }
}
