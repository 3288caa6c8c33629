package org.premiumflow.payment.gateway;

import java.math.BigDecimal;
import org.premiumflow.paymentmethod.BankAccount;
import org.premiumflow.paymentmethod.CardExpiry;
import org.premiumflow.paymentmethod.CardNumber;

/**
 * The payment processor, as the application needs it: cards become tokens, bank accounts are
 * proven by micro-deposits, premiums are collected by ACH debit or card charge.
 *
 * <p>Every call that could move money or create something takes an {@link IdempotencyKey}: a
 * repeated key returns the first call's result and never acts twice, and the same key with a
 * different request is refused. When a call fails without an answer (timeout, 5xx) it throws
 * {@link PaymentOutcomeUnknownException}: the caller must then ask {@link #status} rather than
 * try again blind.
 */
public interface PaymentGateway {

    /** Hands the card number to the processor and returns its token; the number is kept nowhere else. */
    CardRegistration registerCard(CardNumber number, CardExpiry expiry, IdempotencyKey key);

    /** A zero-amount authorization: does the issuer accept this card at all? Moves no money. */
    CardAuthorization authorizeZeroAmount(String cardToken, IdempotencyKey key);

    /** Sends two credits under $1.00 with description ACCTVERIFY, or reports that the bank refused them. */
    MicroDeposits sendMicroDeposits(BankAccount account, IdempotencyKey key);

    /** Whether the two amounts the member read on their statement are the ones sent, in either order. */
    boolean microDepositAmountsMatch(String microDepositReference, BigDecimal first, BigDecimal second);

    /** Submits an ACH debit; its settlement or return is learned later through {@link #status}. */
    AchDebit debit(BankAccount account, BigDecimal amount, String description, IdempotencyKey key);

    /** Charges a card at once: approved or declined with the issuer's code. */
    CardAuthorization charge(String cardToken, BigDecimal amount, IdempotencyKey key);

    /** What became of the call made with this key: how an unknown outcome is reconciled. */
    PaymentStatus status(IdempotencyKey key);
}
