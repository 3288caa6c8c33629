package org.premiumflow.paymentmethod;

/**
 * The bank account details an ACH entry needs. The name is the Nacha "individual name" field,
 * which holds at most 22 characters. {@link #toString()} masks the account number.
 */
public record BankAccount(AccountType accountType, String nameOnAccount, RoutingNumber routingNumber,
                          BankAccountNumber accountNumber) {

    private static final int NACHA_NAME_LENGTH = 22;

    public BankAccount {
        if (accountType == null) {
            throw new InvalidFieldException("accountType", "is required (CHECKING or SAVINGS)");
        }
        if (nameOnAccount == null || nameOnAccount.isBlank()) {
            throw new InvalidFieldException("nameOnAccount", "is required");
        }
        nameOnAccount = nameOnAccount.strip();
        if (nameOnAccount.length() > NACHA_NAME_LENGTH) {
            throw new InvalidFieldException("nameOnAccount", "must be at most 22 characters (the Nacha individual name field)");
        }
        if (!nameOnAccount.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw new InvalidFieldException("nameOnAccount",
                    "may hold only letters without accents, digits, spaces and punctuation (Nacha alphanumeric)");
        }
        if (routingNumber == null) {
            throw new InvalidFieldException("routingNumber", "is required");
        }
        if (accountNumber == null) {
            throw new InvalidFieldException("accountNumber", "is required");
        }
    }

    @Override
    public String toString() {
        return accountType + " " + accountNumber + " at " + routingNumber.value();
    }
}
