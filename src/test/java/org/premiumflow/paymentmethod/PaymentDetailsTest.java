package org.premiumflow.paymentmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** What a member types for a bank account or card: checked by the rules banks and card networks use, and never shown whole. */
class PaymentDetailsTest {

    @Test
    void routingNumbersMustCarryAValidAbaCheckDigit() {
        assertThat(new RoutingNumber("011000015").value()).isEqualTo("011000015");
        assertThat(new RoutingNumber("211370545").value()).isEqualTo("211370545");

        assertThatThrownBy(() -> new RoutingNumber("011000016"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("routingNumber");
                    assertThat(e.rule()).contains("check digit");
                });
        assertThatThrownBy(() -> new RoutingNumber("01100001")).hasMessage("routingNumber: must be exactly 9 digits");
        assertThatThrownBy(() -> new RoutingNumber("01100001a")).hasMessage("routingNumber: must be exactly 9 digits");
    }

    @Test
    void cardNumbersMustPassTheLuhnCheckAndAreNeverPrintedWhole() {
        CardNumber visa = new CardNumber("4111 1111 1111 1111");

        assertThat(visa.lastFour()).isEqualTo("1111");
        assertThat(visa.toString()).isEqualTo("card ending 1111").doesNotContain("4111");
        assertThatThrownBy(() -> new CardNumber("4111111111111112"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("cardNumber"))
                .hasMessageContaining("Luhn")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4111111111111112"));
    }

    @Test
    void anExpiredCardIsRefusedAndOneExpiringThisMonthIsNot() {
        YearMonth november = YearMonth.of(2026, 11);

        assertThat(new CardExpiry(november).requireNotExpired(november).month()).isEqualTo(november);
        assertThatThrownBy(() -> new CardExpiry(YearMonth.of(2026, 10)).requireNotExpired(november))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("expiry"));
    }

    @Test
    void accountNumbersAreMaskedAndEncryptedSoThatOnlyTheKeyOpensThem() {
        BankAccountNumber account = new BankAccountNumber("000123456789");
        byte[] key = new byte[32];
        key[0] = 7;
        AccountNumberCipher cipher = new AccountNumberCipher(key);

        String stored = cipher.encrypt(account);

        assertThat(account.toString()).isEqualTo("account ending 6789");
        assertThat(stored).startsWith("v1:").doesNotContain("123456789");
        assertThat(cipher.encrypt(account)).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored)).isEqualTo(account);
        assertThatThrownBy(() -> new AccountNumberCipher(new byte[32]).decrypt(stored))
                .hasMessageContaining("wrong key or altered data");
        assertThatThrownBy(() -> new BankAccountNumber("12a4")).hasMessage("accountNumber: must be 4 to 17 digits");
    }

    @Test
    void theNameOnABankAccountFitsTheNachaIndividualNameField() {
        RoutingNumber routing = new RoutingNumber("011000015");
        BankAccountNumber number = new BankAccountNumber("000123456789");

        assertThat(new BankAccount(AccountType.CHECKING, "  Rosa Diaz-O'Neil ", routing, number).nameOnAccount())
                .isEqualTo("Rosa Diaz-O'Neil");
        assertThatThrownBy(() -> new BankAccount(AccountType.CHECKING, "Maria de los Angeles Diaz", routing, number))
                .hasMessageContaining("at most 22 characters");
        assertThatThrownBy(() -> new BankAccount(AccountType.CHECKING, "José Diaz", routing, number))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("nameOnAccount"));
        assertThat(new BankAccount(AccountType.SAVINGS, "Rosa Diaz", routing, number).toString())
                .isEqualTo("SAVINGS account ending 6789 at 011000015");
    }
}
