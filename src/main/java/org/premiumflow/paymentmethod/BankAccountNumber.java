package org.premiumflow.paymentmethod;

/**
 * A bank account number as the member typed it: 4 to 17 digits. It is only ever stored
 * encrypted and shown as its last four digits; {@link #toString()} masks it so it cannot reach a
 * log by accident.
 */
public final class BankAccountNumber {

    private final String digits;

    public BankAccountNumber(String digits) {
        if (digits == null || !digits.matches("\\d{4,17}")) {
            throw new InvalidFieldException("accountNumber", "must be 4 to 17 digits");
        }
        this.digits = digits;
    }

    /** The full number, for encryption and for the payment gateway only. */
    public String reveal() {
        return digits;
    }

    public String lastFour() {
        return digits.substring(digits.length() - 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BankAccountNumber number && number.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "account ending " + lastFour();
    }
}
