package org.premiumflow.payment.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.premiumflow.payment.gateway.CardDecline;
import org.premiumflow.payment.gateway.ReturnCode;
import org.premiumflow.paymentmethod.BankAccountNumber;
import org.premiumflow.paymentmethod.CardNumber;

/** The sandbox's test numbers cover every return and decline code, are distinct, and are the ones the documentation lists. */
class SandboxTestNumbersTest {

    private static final Path DOCUMENTATION = Path.of("docs/sandbox-payment-gateway.md");

    @Test
    void everyReturnCodeAndEveryDeclineCodeHasItsTestNumber() {
        assertThat(ReturnCode.values()).allSatisfy(code ->
                assertThat(SandboxBankAccount.returning(code).returnCode()).contains(code));
        assertThat(CardDecline.values()).allSatisfy(decline ->
                assertThat(SandboxCard.declining(decline).chargeDecline()).contains(decline));
    }

    @Test
    void eachNumberSelectsItsOwnBehaviourAndAnyOtherNumberTheOrdinaryOne() {
        assertThat(SandboxBankAccount.values()).allSatisfy(account ->
                assertThat(SandboxBankAccount.of(account.number())).isEqualTo(account));
        assertThat(SandboxCard.values()).allSatisfy(card -> assertThat(SandboxCard.of(card.number())).isEqualTo(card));
        assertThat(SandboxBankAccount.of(new BankAccountNumber("12345678"))).isEqualTo(SandboxBankAccount.SETTLES);
        assertThat(SandboxCard.of(new CardNumber("5555555555554444"))).isEqualTo(SandboxCard.APPROVES);
    }

    @Test
    void theDocumentationListsEveryTestNumber() throws IOException {
        String documentation = Files.readString(DOCUMENTATION);

        Stream.concat(Stream.of(SandboxBankAccount.values()).map(account -> account.number().reveal()),
                        Stream.of(SandboxCard.values()).map(card -> card.number().reveal()))
                .forEach(number -> assertThat(documentation).contains("| `" + number + "` |"));
        for (ReturnCode code : ReturnCode.values()) {
            assertThat(row(documentation, SandboxBankAccount.returning(code).number().reveal())).contains("returned " + code);
        }
        for (CardDecline decline : CardDecline.values()) {
            assertThat(row(documentation, SandboxCard.declining(decline).number().reveal()))
                    .contains("| declined " + decline.code() + " ");
        }
        assertThat(documentation).contains(SandboxBankAccount.UNAUTHORIZED_RETURN_AFTER_BANKING_DAYS + " banking days");
    }

    private static String row(String documentation, String number) {
        return documentation.lines().filter(line -> line.startsWith("| `" + number + "` |")).findFirst().orElseThrow();
    }
}
