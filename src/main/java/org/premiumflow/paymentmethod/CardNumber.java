package org.premiumflow.paymentmethod;

/**
 * A card number on its way to the processor, which returns a token to keep instead: 12 to 19
 * digits passing the Luhn check. It is never stored; {@link #toString()} masks it.
 */
public final class CardNumber {

    private final String digits;

    public CardNumber(String number) {
        String digits = number == null ? "" : number.replace(" ", "").replace("-", "");
        if (!digits.matches("\\d{12,19}")) {
            throw new InvalidFieldException("cardNumber", "must be 12 to 19 digits");
        }
        if (!passesLuhn(digits)) {
            throw new InvalidFieldException("cardNumber", "is not a valid card number (Luhn check failed)");
        }
        this.digits = digits;
    }

    private static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The full number, for the payment gateway only. */
    public String reveal() {
        return digits;
    }

    public CardBrand brand() {
        return CardBrand.of(digits);
    }

    public String lastFour() {
        return digits.substring(digits.length() - 4);
    }

    @Override
    public String toString() {
        return "card ending " + lastFour();
    }
}
