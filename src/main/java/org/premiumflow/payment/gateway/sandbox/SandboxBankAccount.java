package org.premiumflow.payment.gateway.sandbox;

import java.util.Arrays;
import java.util.Optional;
import org.premiumflow.payment.gateway.ReturnCode;
import org.premiumflow.paymentmethod.BankAccountNumber;

/**
 * Bank account numbers that make the sandbox processor behave a chosen way, like a processor's
 * test accounts; any other account number behaves like {@link #SETTLES}. The routing number may be
 * any valid one. docs/sandbox-payment-gateway.md lists the same numbers.
 */
public enum SandboxBankAccount {

    /** Micro-deposits arrive; debits settle two banking days after their effective date. */
    SETTLES("000123456789", 2, null, false),
    /** Debits settle one banking day after their effective date. */
    SETTLES_NEXT_BANKING_DAY("999100000000", 1, null, false),
    /**
     * A debit is recorded but the call throws as if the response had timed out; asking the status
     * or repeating the call with the same key tells what happened. It then settles like {@link #SETTLES}.
     */
    DEBIT_OUTCOME_UNKNOWN("999900000000", 2, null, true),
    RETURNS_R01("999000000001", ReturnCode.R01),
    RETURNS_R02("999000000002", ReturnCode.R02),
    RETURNS_R03("999000000003", ReturnCode.R03),
    RETURNS_R04("999000000004", ReturnCode.R04),
    RETURNS_R05("999000000005", ReturnCode.R05),
    RETURNS_R07("999000000007", ReturnCode.R07),
    RETURNS_R08("999000000008", ReturnCode.R08),
    RETURNS_R09("999000000009", ReturnCode.R09),
    RETURNS_R10("999000000010", ReturnCode.R10),
    RETURNS_R11("999000000011", ReturnCode.R11),
    RETURNS_R16("999000000016", ReturnCode.R16),
    RETURNS_R20("999000000020", ReturnCode.R20),
    RETURNS_R29("999000000029", ReturnCode.R29),
    /**
     * Verified by its micro-deposits, then closed by the member: every debit comes back R02. The
     * {@link #RETURNS_R02} account refuses the micro-deposits, so it never reaches AutoPay.
     */
    CLOSED_AFTER_SET_UP("999000000012", 2, ReturnCode.R02, false, true);

    /** Nacha's deadline for most returns: the receiving bank sends them back within two banking days. */
    public static final int RETURN_AFTER_BANKING_DAYS = 2;

    /**
     * An unauthorized-debit return is the member disputing the debit with their bank, so it comes
     * late: real ones may come up to 60 calendar days after settlement. The sandbox picks 10
     * banking days, long enough for the debit to have settled first.
     */
    public static final int UNAUTHORIZED_RETURN_AFTER_BANKING_DAYS = 10;

    private final BankAccountNumber number;
    private final int settlementBankingDays;
    private final ReturnCode returnCode;
    private final boolean debitOutcomeUnknown;
    private final boolean closedAfterSetUp;

    SandboxBankAccount(String number, int settlementBankingDays, ReturnCode returnCode, boolean debitOutcomeUnknown,
                       boolean closedAfterSetUp) {
        this.number = new BankAccountNumber(number);
        this.settlementBankingDays = settlementBankingDays;
        this.returnCode = returnCode;
        this.debitOutcomeUnknown = debitOutcomeUnknown;
        this.closedAfterSetUp = closedAfterSetUp;
    }

    SandboxBankAccount(String number, int settlementBankingDays, ReturnCode returnCode, boolean debitOutcomeUnknown) {
        this(number, settlementBankingDays, returnCode, debitOutcomeUnknown, false);
    }

    SandboxBankAccount(String number, ReturnCode returnCode) {
        this(number, 2, returnCode, false);
    }

    /** The behaviour an account number selects: {@link #SETTLES} for any number not listed. */
    public static SandboxBankAccount of(BankAccountNumber number) {
        return Arrays.stream(values()).filter(account -> account.number.equals(number)).findFirst().orElse(SETTLES);
    }

    /** The account whose debits come back with this return code. */
    public static SandboxBankAccount returning(ReturnCode code) {
        return Arrays.stream(values()).filter(account -> account.returnCode == code).findFirst().orElseThrow();
    }

    public BankAccountNumber number() {
        return number;
    }

    public int settlementBankingDays() {
        return settlementBankingDays;
    }

    public Optional<ReturnCode> returnCode() {
        return Optional.ofNullable(returnCode);
    }

    /** How many banking days after its effective date a debit of this account comes back, if it does. */
    public int returnBankingDays() {
        return returnCode != null && returnCode.category() == ReturnCode.Category.UNAUTHORIZED
                ? UNAUTHORIZED_RETURN_AFTER_BANKING_DAYS
                : RETURN_AFTER_BANKING_DAYS;
    }

    /**
     * An account that cannot be used at all refuses micro-deposits too. A real bank returns the
     * credits days later; the sandbox says so at once.
     */
    public boolean rejectsMicroDeposits() {
        return returnCode != null && returnCode.category() == ReturnCode.Category.ACCOUNT_UNUSABLE && !closedAfterSetUp;
    }

    public boolean debitOutcomeUnknown() {
        return debitOutcomeUnknown;
    }
}
