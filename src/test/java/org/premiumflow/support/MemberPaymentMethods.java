package org.premiumflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.premiumflow.payment.gateway.sandbox.SandboxPaymentGateway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member sets up payment methods through the member API, as the member would: a card is ready
 * once its notice is mailed, a bank account once the member confirmed the micro-deposits they read
 * on the sandbox statement. AutoPay is authorized by Rosa Diaz.
 */
public final class MemberPaymentMethods {

    private static final String AUTOPAY = "\"autopay\": {\"authorizedBy\": \"Rosa Diaz\", \"agreedToTerms\": true}";

    private final int port;
    private final String memberId;
    private final MemberMailbox mailbox;
    private final JdbcTemplate jdbc;
    private final SandboxPaymentGateway sandbox;

    public MemberPaymentMethods(int port, String memberId, MemberMailbox mailbox, JdbcTemplate jdbc, SandboxPaymentGateway sandbox) {
        this.port = port;
        this.memberId = memberId;
        this.mailbox = mailbox;
        this.jdbc = jdbc;
        this.sandbox = sandbox;
    }

    /** A verified card without AutoPay; answers its id. */
    public long addCard(String number) {
        return addCard(number, "2029-08");
    }

    /** A verified card without AutoPay expiring as given ("yyyy-MM"), for a test that runs past 2029; answers its id. */
    public long addCard(String number, String expiry) {
        return addMethod("{\"type\": \"CARD\", \"cardNumber\": \"" + number + "\", \"expiry\": \"" + expiry + "\"}", "PAYMENT_METHOD_VERIFIED");
    }

    /** A verified card that AutoPay drafts from; answers its id. */
    public long addCardWithAutoPay(String number) {
        return addCardWithAutoPay(number, "2029-08");
    }

    /** A verified card that AutoPay drafts from, expiring in the month given (yyyy-MM), for scenarios set after 2029. */
    public long addCardWithAutoPay(String number, String expiry) {
        return addMethod("{\"type\": \"CARD\", \"cardNumber\": \"" + number + "\", \"expiry\": \"" + expiry + "\", " + AUTOPAY + "}",
                "AUTOPAY_CONFIRMATION");
    }

    /** A verified card that takes over AutoPay from the method it drafted from; answers its id. */
    public long addCardTakingOverAutoPay(String number) {
        return addMethod("{\"type\": \"CARD\", \"cardNumber\": \"" + number + "\", \"expiry\": \"2029-08\", " + AUTOPAY + "}",
                "AUTOPAY_METHOD_CHANGED");
    }

    /** A checking account, verified by micro-deposits, that AutoPay drafts from; answers its id. */
    public long addBankAccountWithAutoPay(String number) {
        return addBankAccount(number, "AUTOPAY_CONFIRMATION");
    }

    /** A checking account, verified by micro-deposits, that takes over AutoPay from the method it drafted from. */
    public long addBankAccountTakingOverAutoPay(String number) {
        return addBankAccount(number, "AUTOPAY_METHOD_CHANGED");
    }

    private long addBankAccount(String number, String noticeWhenReady) {
        HttpResponse<String> added = Http.postJson(port, "/api/members/" + memberId + "/payment-methods",
                "{\"type\": \"BANK_ACCOUNT\", \"accountType\": \"CHECKING\", \"nameOnAccount\": \"Rosa Diaz\", "
                        + "\"routingNumber\": \"011000015\", \"accountNumber\": \"" + number + "\", " + AUTOPAY + "}");
        long methodId = Http.json(added.body()).get("id").asLong();
        // Awaited for this account: a member's second account finds the first one's MICRO_DEPOSITS_SENT mail.
        String reference = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select processor_reference from premiumflow.micro_deposit_verification where payment_method_id = ? and processor_reference is not null", String.class, methodId),
                references -> !references.isEmpty()).get(0);
        List<BigDecimal> amounts = sandbox.microDepositAmounts(reference);
        Http.postJson(port, "/api/members/" + memberId + "/payment-methods/" + methodId + "/micro-deposit-confirmation",
                "{\"amounts\": [\"" + amounts.get(0) + "\", \"" + amounts.get(1) + "\"]}");
        mailbox.awaitMail(noticeWhenReady);
        return methodId;
    }

    private long addMethod(String json, String noticeWhenReady) {
        HttpResponse<String> added = Http.postJson(port, "/api/members/" + memberId + "/payment-methods", json);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        mailbox.awaitMail(noticeWhenReady);
        return Http.json(added.body()).get("id").asLong();
    }
}
