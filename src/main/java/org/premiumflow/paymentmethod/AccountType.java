package org.premiumflow.paymentmethod;

/** The kind of bank account a member debits from; an ACH entry names it in its transaction code. */
public enum AccountType {
    CHECKING,
    SAVINGS
}
