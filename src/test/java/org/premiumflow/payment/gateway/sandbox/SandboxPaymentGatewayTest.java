package org.premiumflow.payment.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.premiumflow.calendar.BankingCalendar;
import org.premiumflow.calendar.ExchangeClock;
import org.premiumflow.payment.gateway.AchDebit;
import org.premiumflow.payment.gateway.CardAuthorization;
import org.premiumflow.payment.gateway.CardDecline;
import org.premiumflow.payment.gateway.CardRegistration;
import org.premiumflow.payment.gateway.IdempotencyKey;
import org.premiumflow.payment.gateway.IdempotencyKeyReusedException;
import org.premiumflow.payment.gateway.MicroDeposits;
import org.premiumflow.payment.gateway.PaymentOutcomeUnknownException;
import org.premiumflow.payment.gateway.PaymentStatus;
import org.premiumflow.payment.gateway.PaymentStatus.State;
import org.premiumflow.payment.gateway.ReturnCode;
import org.premiumflow.paymentmethod.AccountType;
import org.premiumflow.paymentmethod.BankAccount;
import org.premiumflow.paymentmethod.BankAccountNumber;
import org.premiumflow.paymentmethod.CardBrand;
import org.premiumflow.paymentmethod.CardExpiry;
import org.premiumflow.paymentmethod.CardNumber;
import org.premiumflow.paymentmethod.RoutingNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The sandbox processor does what its test numbers promise, on the banking days of the business
 * clock, acts once per idempotency key however often and however concurrently it is called, and
 * keeps no full account or card number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class SandboxPaymentGatewayTest {

    private static final RoutingNumber ROUTING = new RoutingNumber("011000015");
    private static final CardExpiry EXPIRY = new CardExpiry(YearMonth.of(2029, 8));
    private static final BankAccountNumber UNLISTED_ACCOUNT = new BankAccountNumber("000987654321");
    private static final CardNumber UNLISTED_CARD = new CardNumber("5555555555554444");
    private static final BigDecimal PREMIUM = new BigDecimal("50.00");
    private static final LocalDate WEDNESDAY_BEFORE_THANKSGIVING_2026 = LocalDate.of(2026, 11, 25);
    private static final LocalDate FRIDAY_BEFORE_INDEPENDENCE_DAY_2027 = LocalDate.of(2027, 7, 2);

    @Autowired
    SandboxPaymentGateway gateway;
    @Autowired
    ExchangeClock clock;
    @Autowired
    BankingCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // Cards

    @Test
    void aCardBecomesATokenThatShowsOnlyBrandLastFourAndExpiry() {
        CardRegistration visa = gateway.registerCard(SandboxCard.APPROVES.number(), EXPIRY, key("card"));
        CardRegistration mastercard = gateway.registerCard(UNLISTED_CARD, EXPIRY, key("card"));

        assertThat(visa.token()).startsWith("tok_sandbox_");
        assertThat(visa).isEqualTo(new CardRegistration(visa.token(), CardBrand.VISA, "4242", YearMonth.of(2029, 8)));
        assertThat(mastercard.brand()).isEqualTo(CardBrand.MASTERCARD);
        assertThat(mastercard.lastFour()).isEqualTo("4444");
        assertThat(mastercard.token()).isNotEqualTo(visa.token());
    }

    @Test
    void theApprovingCardAndAnyUnlistedCardAreApprovedForZeroAmountsAndCharges() {
        for (CardNumber number : List.of(SandboxCard.APPROVES.number(), UNLISTED_CARD)) {
            String token = register(number);
            IdempotencyKey chargeKey = key("charge");

            assertThat(gateway.authorizeZeroAmount(token, key("verify")).approved()).isTrue();
            CardAuthorization charge = gateway.charge(token, PREMIUM, chargeKey);

            assertThat(charge.approved()).isTrue();
            assertThat(charge.reference()).startsWith("ch_sandbox_");
            assertThat(gateway.status(chargeKey)).isEqualTo(new PaymentStatus(State.APPROVED, charge.reference(), null, null));
        }
    }

    @ParameterizedTest
    @EnumSource(CardDecline.class)
    void eachDecliningCardDeclinesZeroAmountAuthorizationsAndChargesWithItsCode(CardDecline decline) {
        String token = register(SandboxCard.declining(decline).number());
        IdempotencyKey verifyKey = key("verify");
        IdempotencyKey chargeKey = key("charge");

        CardAuthorization authorization = gateway.authorizeZeroAmount(token, verifyKey);
        CardAuthorization charge = gateway.charge(token, PREMIUM, chargeKey);

        assertThat(authorization.decline()).isEqualTo(decline);
        assertThat(authorization.reference()).startsWith("auth_sandbox_");
        assertThat(charge.decline()).isEqualTo(decline);
        assertThat(gateway.status(verifyKey)).isEqualTo(new PaymentStatus(State.DECLINED, authorization.reference(), null, decline));
        assertThat(gateway.status(chargeKey)).isEqualTo(new PaymentStatus(State.DECLINED, charge.reference(), null, decline));
        assertThat(SandboxCard.declining(decline).number().lastFour()).as("the code is in the last two digits").endsWith(decline.code());
    }

    @Test
    void aZeroAmountAuthorizationMovesNoMoneySoItPassesWhereChargesFindNoFunds() {
        String token = register(SandboxCard.CHARGES_DECLINE_INSUFFICIENT_FUNDS.number());

        assertThat(gateway.authorizeZeroAmount(token, key("verify")).approved()).isTrue();
        assertThat(gateway.charge(token, PREMIUM, key("charge")).decline()).isEqualTo(CardDecline.INSUFFICIENT_FUNDS);
    }

    @Test
    void aChargeWhoseAnswerWasLostIsFoundByItsStatusAndNeverChargedTwice() {
        String token = register(SandboxCard.CHARGE_OUTCOME_UNKNOWN.number());
        IdempotencyKey chargeKey = key("charge");
        assertThat(gateway.status(chargeKey).state()).isEqualTo(State.NOT_FOUND);

        assertThatThrownBy(() -> gateway.charge(token, PREMIUM, chargeKey))
                .isInstanceOfSatisfying(PaymentOutcomeUnknownException.class, e -> assertThat(e.key()).isEqualTo(chargeKey));

        PaymentStatus status = gateway.status(chargeKey);
        assertThat(status.state()).isEqualTo(State.APPROVED);
        assertThat(gateway.charge(token, PREMIUM, chargeKey)).isEqualTo(CardAuthorization.approved(status.reference()));
        assertThat(cardPaymentsOf(token)).isEqualTo(1);
        assertThat(gateway.authorizeZeroAmount(token, key("verify")).approved()).as("only charges time out").isTrue();
    }

    @Test
    void aCardTheSandboxNeverRegisteredIsRefusedAndNothingIsRecorded() {
        IdempotencyKey chargeKey = key("charge");

        assertThatThrownBy(() -> gateway.charge("tok_sandbox_unknown", PREMIUM, chargeKey)).isInstanceOf(IllegalArgumentException.class);
        assertThat(gateway.status(chargeKey).state()).isEqualTo(State.NOT_FOUND);
    }

    // Micro-deposits

    @Test
    void microDepositsAreTwoDistinctAmountsUnderADollarThatTheMemberConfirmsInEitherOrder() {
        IdempotencyKey sendKey = key("micro-deposits");
        MicroDeposits deposits = gateway.sendMicroDeposits(account(SandboxBankAccount.SETTLES.number()), sendKey);
        List<BigDecimal> amounts = gateway.microDepositAmounts(deposits.reference());
        BigDecimal first = amounts.get(0);
        BigDecimal second = amounts.get(1);

        assertThat(deposits.wasSent()).isTrue();
        assertThat(deposits.reference()).startsWith("md_sandbox_");
        assertThat(amounts).hasSize(2).doesNotHaveDuplicates().allSatisfy(amount -> {
            assertThat(amount.scale()).isEqualTo(2);
            assertThat(amount).isBetween(new BigDecimal("0.01"), new BigDecimal("0.99"));
        });
        assertThat(gateway.microDepositAmountsMatch(deposits.reference(), first, second)).isTrue();
        assertThat(gateway.microDepositAmountsMatch(deposits.reference(), second, first)).isTrue();
        assertThat(gateway.microDepositAmountsMatch(deposits.reference(), first.setScale(3), second)).as("0.420 is 0.42").isTrue();
        assertThat(gateway.microDepositAmountsMatch(deposits.reference(), first, first)).isFalse();
        assertThat(gateway.microDepositAmountsMatch(deposits.reference(), first, null)).isFalse();
        assertThat(gateway.microDepositAmountsMatch(deposits.reference(), first, second.add(new BigDecimal("1.00")))).isFalse();
        assertThat(gateway.microDepositAmountsMatch("md_sandbox_unknown", first, second)).isFalse();
        assertThat(gateway.status(sendKey)).isEqualTo(new PaymentStatus(State.SETTLED, deposits.reference(), null, null));
        assertThat(jdbc.sql("select description from premiumflow.sandbox_micro_deposits where reference = ?")
                .param(deposits.reference()).query(String.class).single()).isEqualTo("ACCTVERIFY");
    }

    @Test
    void microDepositsSentAgainUnderTheSameKeyAreTheSameDeposits() {
        IdempotencyKey sendKey = key("micro-deposits");
        MicroDeposits first = gateway.sendMicroDeposits(account(UNLISTED_ACCOUNT), sendKey);
        long sent = count("sandbox_micro_deposits");

        MicroDeposits again = gateway.sendMicroDeposits(account(UNLISTED_ACCOUNT), sendKey);

        assertThat(again).isEqualTo(first);
        assertThat(count("sandbox_micro_deposits")).isEqualTo(sent);
        assertThat(gateway.microDepositAmounts(again.reference())).isEqualTo(gateway.microDepositAmounts(first.reference()));
    }

    @ParameterizedTest
    @MethodSource("accountUnusable")
    void anAccountThatCannotBeUsedRefusesMicroDepositsWithItsReturnCode(ReturnCode code) {
        IdempotencyKey sendKey = key("micro-deposits");

        MicroDeposits deposits = gateway.sendMicroDeposits(account(SandboxBankAccount.returning(code).number()), sendKey);

        assertThat(deposits).isEqualTo(MicroDeposits.rejected(deposits.reference(), code));
        assertThat(gateway.microDepositAmounts(deposits.reference())).isEmpty();
        assertThat(gateway.status(sendKey)).isEqualTo(new PaymentStatus(State.RETURNED, deposits.reference(), code, null));
    }

    @ParameterizedTest
    @MethodSource("accountUsable")
    void anAccountWhoseDebitsComeBackForOtherReasonsAcceptsMicroDeposits(ReturnCode code) {
        MicroDeposits deposits = gateway.sendMicroDeposits(account(SandboxBankAccount.returning(code).number()), key("micro-deposits"));

        assertThat(deposits.wasSent()).isTrue();
        assertThat(gateway.microDepositAmounts(deposits.reference())).hasSize(2);
    }

    static Stream<ReturnCode> accountUnusable() {
        return Stream.of(ReturnCode.values()).filter(code -> code.category() == ReturnCode.Category.ACCOUNT_UNUSABLE);
    }

    static Stream<ReturnCode> accountUsable() {
        return Stream.of(ReturnCode.values()).filter(code -> code.category() != ReturnCode.Category.ACCOUNT_UNUSABLE);
    }

    // ACH debits

    @Test
    void aDebitSettlesTwoBankingDaysAfterItsEffectiveDateOverThanksgivingAndAWeekend() {
        for (BankAccountNumber number : List.of(SandboxBankAccount.SETTLES.number(), UNLISTED_ACCOUNT)) {
            today(WEDNESDAY_BEFORE_THANKSGIVING_2026);
            IdempotencyKey debitKey = key("debit");

            AchDebit debit = gateway.debit(account(number), PREMIUM, "PREMIUM", debitKey);

            assertThat(debit.reference()).startsWith("ach_sandbox_");
            assertThat(debit.effectiveDate()).isEqualTo(WEDNESDAY_BEFORE_THANKSGIVING_2026);
            assertThat(stateOn(LocalDate.of(2026, 11, 25), debitKey)).isEqualTo(State.PENDING);
            assertThat(stateOn(LocalDate.of(2026, 11, 27), debitKey)).as("Thanksgiving does not count").isEqualTo(State.PENDING);
            assertThat(stateOn(LocalDate.of(2026, 11, 29), debitKey)).isEqualTo(State.PENDING);
            assertThat(gateway.status(debitKey)).isEqualTo(new PaymentStatus(State.PENDING, debit.reference(), null, null));
            today(LocalDate.of(2026, 11, 30));
            assertThat(gateway.status(debitKey)).isEqualTo(new PaymentStatus(State.SETTLED, debit.reference(), null, null));
        }
    }

    @Test
    void oneAccountSettlesAfterOneBankingDayOverAWeekendAndAnObservedHoliday() {
        today(FRIDAY_BEFORE_INDEPENDENCE_DAY_2027);
        IdempotencyKey nextDay = key("debit");
        IdempotencyKey usual = key("debit");

        gateway.debit(account(SandboxBankAccount.SETTLES_NEXT_BANKING_DAY.number()), PREMIUM, "PREMIUM", nextDay);
        gateway.debit(account(SandboxBankAccount.SETTLES.number()), PREMIUM, "PREMIUM", usual);

        assertThat(stateOn(LocalDate.of(2027, 7, 5), nextDay)).as("Independence Day, observed").isEqualTo(State.PENDING);
        assertThat(stateOn(LocalDate.of(2027, 7, 6), nextDay)).isEqualTo(State.SETTLED);
        assertThat(stateOn(LocalDate.of(2027, 7, 6), usual)).isEqualTo(State.PENDING);
        assertThat(stateOn(LocalDate.of(2027, 7, 7), usual)).isEqualTo(State.SETTLED);
    }

    @Test
    void aDebitSubmittedOnAWeekendTakesEffectOnTheNextBankingDay() {
        today(LocalDate.of(2027, 7, 3));

        AchDebit debit = gateway.debit(account(UNLISTED_ACCOUNT), PREMIUM, "PREMIUM", key("debit"));

        assertThat(debit.effectiveDate()).as("after Sunday and the observed Independence Day").isEqualTo(LocalDate.of(2027, 7, 6));
    }

    @ParameterizedTest
    @EnumSource(ReturnCode.class)
    void eachReturningAccountsDebitComesBackWithItsCodeOnTheDayItsKindOfReturnArrives(ReturnCode code) {
        boolean unauthorized = code.category() == ReturnCode.Category.UNAUTHORIZED;
        LocalDate returnDay = unauthorized ? LocalDate.of(2026, 12, 10) : LocalDate.of(2026, 11, 30);
        today(WEDNESDAY_BEFORE_THANKSGIVING_2026);
        IdempotencyKey debitKey = key("debit");

        AchDebit debit = gateway.debit(account(SandboxBankAccount.returning(code).number()), PREMIUM, "PREMIUM", debitKey);

        assertThat(stateOn(returnDay.minusDays(1), debitKey)).as("the day before the return")
                .isEqualTo(unauthorized ? State.SETTLED : State.PENDING);
        assertThat(stateOn(returnDay, debitKey)).isEqualTo(State.RETURNED);
        assertThat(gateway.status(debitKey)).isEqualTo(new PaymentStatus(State.RETURNED, debit.reference(), code, null));
        assertThat(calendar.plusBankingDays(WEDNESDAY_BEFORE_THANKSGIVING_2026, SandboxBankAccount.returning(code).returnBankingDays()))
                .isEqualTo(returnDay);
    }

    @Test
    void aDebitWhoseAnswerWasLostIsFoundByItsStatusAndNeverDebitedTwice() {
        today(WEDNESDAY_BEFORE_THANKSGIVING_2026);
        IdempotencyKey debitKey = key("debit");
        BankAccount account = account(SandboxBankAccount.DEBIT_OUTCOME_UNKNOWN.number());
        long debits = count("sandbox_ach_debit");

        assertThatThrownBy(() -> gateway.debit(account, PREMIUM, "PREMIUM", debitKey))
                .isInstanceOfSatisfying(PaymentOutcomeUnknownException.class, e -> assertThat(e.key()).isEqualTo(debitKey));

        PaymentStatus status = gateway.status(debitKey);
        assertThat(status.state()).isEqualTo(State.PENDING);
        assertThat(gateway.debit(account, PREMIUM, "PREMIUM", debitKey))
                .isEqualTo(new AchDebit(status.reference(), WEDNESDAY_BEFORE_THANKSGIVING_2026));
        assertThat(count("sandbox_ach_debit")).isEqualTo(debits + 1);
        assertThat(stateOn(LocalDate.of(2026, 11, 30), debitKey)).isEqualTo(State.SETTLED);
    }

    // Idempotency

    @Test
    void aRepeatedKeyReturnsTheFirstResultAndActsOnceEvenAfterARestart() {
        today(WEDNESDAY_BEFORE_THANKSGIVING_2026);
        IdempotencyKey debitKey = key("debit");
        long debits = count("sandbox_ach_debit");
        AchDebit first = gateway.debit(account(UNLISTED_ACCOUNT), PREMIUM, "PREMIUM", debitKey);

        today(LocalDate.of(2026, 12, 1));
        AchDebit again = gateway.debit(account(UNLISTED_ACCOUNT), new BigDecimal("50"), "PREMIUM", debitKey);
        AchDebit afterRestart = new SandboxPaymentGateway(jdbc, transactionManager, clock, calendar)
                .debit(account(UNLISTED_ACCOUNT), PREMIUM, "PREMIUM", debitKey);

        assertThat(again).isEqualTo(first);
        assertThat(afterRestart).isEqualTo(first);
        assertThat(count("sandbox_ach_debit")).isEqualTo(debits + 1);
        assertThat(jdbc.sql("select count(*) from premiumflow.sandbox_request where idempotency_key = ?").param(debitKey.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aKeyAlreadyUsedForADifferentRequestIsRefusedWithoutNamingAnyNumber() {
        IdempotencyKey debitKey = key("debit");
        gateway.debit(account(UNLISTED_ACCOUNT), PREMIUM, "PREMIUM", debitKey);
        long debits = count("sandbox_ach_debit");
        String token = register(SandboxCard.APPROVES.number());

        List<Runnable> differentRequests = List.of(
                () -> gateway.debit(account(UNLISTED_ACCOUNT), new BigDecimal("60.00"), "PREMIUM", debitKey),
                () -> gateway.debit(account(UNLISTED_ACCOUNT), PREMIUM, "RETRY PYMT", debitKey),
                () -> gateway.debit(account(SandboxBankAccount.SETTLES.number()), PREMIUM, "PREMIUM", debitKey),
                () -> gateway.debit(new BankAccount(AccountType.SAVINGS, "Rosa Diaz", ROUTING, UNLISTED_ACCOUNT), PREMIUM, "PREMIUM",
                        debitKey),
                () -> gateway.sendMicroDeposits(account(UNLISTED_ACCOUNT), debitKey),
                () -> gateway.charge(token, PREMIUM, debitKey));

        assertThat(differentRequests).allSatisfy(request -> assertThatThrownBy(request::run)
                .isInstanceOfSatisfying(IdempotencyKeyReusedException.class, e -> assertThat(e.key()).isEqualTo(debitKey))
                .hasMessageContaining(debitKey.value())
                .hasMessageContaining("different request")
                .satisfies(e -> assertThat(e.getMessage().replace(debitKey.value(), ""))
                        .doesNotContain(UNLISTED_ACCOUNT.reveal(), "4321", "4242", "50.00")));
        assertThat(count("sandbox_ach_debit")).isEqualTo(debits);
        assertThat(cardPaymentsOf(token)).isZero();
    }

    @Test
    void twoConcurrentCallsWithTheSameKeyActOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                IdempotencyKey debitKey = key("debit");
                long debits = count("sandbox_ach_debit");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<AchDebit>> calls = new ArrayList<>();
                for (int caller = 0; caller < 2; caller++) {
                    calls.add(callers.submit(() -> {
                        together.await();
                        return gateway.debit(account(UNLISTED_ACCOUNT), PREMIUM, "PREMIUM", debitKey);
                    }));
                }

                assertThat(calls.get(0).get()).isEqualTo(calls.get(1).get());
                assertThat(count("sandbox_ach_debit")).isEqualTo(debits + 1);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aKeyTheSandboxNeverSawIsNotFound() {
        assertThat(gateway.status(key("debit"))).isEqualTo(new PaymentStatus(State.NOT_FOUND, null, null, null));
    }

    @Test
    void anInvalidAmountOrDescriptionIsRefusedAndNothingIsRecorded() {
        IdempotencyKey debitKey = key("debit");
        BankAccount account = account(UNLISTED_ACCOUNT);

        assertThatThrownBy(() -> gateway.debit(account, BigDecimal.ZERO, "PREMIUM", debitKey)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.debit(account, new BigDecimal("-5.00"), "PREMIUM", debitKey))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.debit(account, new BigDecimal("5.001"), "PREMIUM", debitKey))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.debit(account, PREMIUM, "PREMIUM JANUARY", debitKey))
                .hasMessageContaining("10 characters");
        assertThat(gateway.status(debitKey).state()).isEqualTo(State.NOT_FOUND);
    }

    // No full numbers

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noStoredColumnAndNoLogLineHoldsAFullAccountOrCardNumber(CapturedOutput output) {
        List<String> numbers = new ArrayList<>(List.of(UNLISTED_ACCOUNT.reveal(), UNLISTED_CARD.reveal()));
        for (SandboxBankAccount test : SandboxBankAccount.values()) {
            numbers.add(test.number().reveal());
            gateway.sendMicroDeposits(account(test.number()), key("micro-deposits"));
            try {
                gateway.debit(account(test.number()), PREMIUM, "PREMIUM", key("debit"));
            } catch (PaymentOutcomeUnknownException expected) {
                // the account that times out: its debit is recorded all the same
            }
        }
        for (SandboxCard test : SandboxCard.values()) {
            numbers.add(test.number().reveal());
            String token = register(test.number());
            gateway.authorizeZeroAmount(token, key("verify"));
            try {
                gateway.charge(token, PREMIUM, key("charge"));
            } catch (PaymentOutcomeUnknownException expected) {
                // the card that times out: its charge is recorded all the same
            }
        }
        register(UNLISTED_CARD);
        gateway.debit(account(UNLISTED_ACCOUNT), PREMIUM, "PREMIUM", key("debit"));

        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'premiumflow' and table_name like 'sandbox\\_%'""")
                .query(String.class).list();
        List<String> filledHere = List.of("sandbox_request", "sandbox_card", "sandbox_card_payment", "sandbox_micro_deposits",
                "sandbox_ach_debit");
        assertThat(tables).containsAll(filledHere);
        for (String table : tables) {
            List<String> rows = jdbc.sql("select t::text from premiumflow." + table + " t").query(String.class).list();
            if (filledHere.contains(table)) {
                assertThat(rows).as(table).isNotEmpty();
            }
            assertThat(rows).as(table).allSatisfy(row -> assertThat(row).doesNotContain(numbers.toArray(String[]::new)));
        }
        assertThat(output.getAll()).contains("Sandbox ACH debit").doesNotContain(numbers.toArray(String[]::new));
    }

    private String register(CardNumber number) {
        return gateway.registerCard(number, EXPIRY, key("card")).token();
    }

    private State stateOn(LocalDate day, IdempotencyKey key) {
        today(day);
        return gateway.status(key).state();
    }

    private void today(LocalDate day) {
        clock.pin(day.atTime(10, 0).atZone(ExchangeClock.EXCHANGE_ZONE).toInstant());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from premiumflow." + table).query(Long.class).single();
    }

    private long cardPaymentsOf(String token) {
        return jdbc.sql("select count(*) from premiumflow.sandbox_card_payment where card_token = ?").param(token)
                .query(Long.class).single();
    }

    private static BankAccount account(BankAccountNumber number) {
        return new BankAccount(AccountType.CHECKING, "Rosa Diaz", ROUTING, number);
    }

    private static IdempotencyKey key(String action) {
        return IdempotencyKey.of(action, UUID.randomUUID());
    }
}
