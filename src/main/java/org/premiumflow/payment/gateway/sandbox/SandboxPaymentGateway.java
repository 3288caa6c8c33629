package org.premiumflow.payment.gateway.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.premiumflow.calendar.BankingCalendar;
import org.premiumflow.payment.gateway.AchDebit;
import org.premiumflow.payment.gateway.CardAuthorization;
import org.premiumflow.payment.gateway.CardRegistration;
import org.premiumflow.payment.gateway.IdempotencyKey;
import org.premiumflow.payment.gateway.MicroDeposits;
import org.premiumflow.payment.gateway.PaymentGateway;
import org.premiumflow.payment.gateway.PaymentOutcomeUnknownException;
import org.premiumflow.payment.gateway.PaymentStatus;
import org.premiumflow.payment.gateway.sandbox.SandboxLedger.Card;
import org.premiumflow.payment.gateway.sandbox.SandboxLedger.CardPayment;
import org.premiumflow.payment.gateway.sandbox.SandboxLedger.Debit;
import org.premiumflow.payment.gateway.sandbox.SandboxLedger.MicroDepositPair;
import org.premiumflow.payment.gateway.sandbox.SandboxRequests.Kind;
import org.premiumflow.payment.gateway.sandbox.SandboxRequests.Outcome;
import org.premiumflow.payment.gateway.sandbox.SandboxRequests.Request;
import org.premiumflow.paymentmethod.BankAccount;
import org.premiumflow.paymentmethod.CardExpiry;
import org.premiumflow.paymentmethod.CardNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment processor for development, tests and demos that behaves like a real one: tokens for
 * cards, micro-deposits, ACH debits that settle or come back on banking days by the business
 * clock, declines, timeouts, and idempotency keys remembered in the database across restarts.
 * The account or card number decides what happens ({@link SandboxBankAccount}, {@link SandboxCard}).
 * It moves no money.
 */
public class SandboxPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(SandboxPaymentGateway.class);

    /** The Nacha company entry description field holds 10 characters. */
    private static final int DESCRIPTION_LENGTH = 10;

    private final SandboxRequests requests;
    private final SandboxLedger ledger;
    private final Clock clock;
    private final BankingCalendar calendar;
    private final SecureRandom random = new SecureRandom();
    /** Keys of charges lost on the way ({@link SandboxCard#CHARGE_LOST_ONCE}): the next call with one goes through. */
    private final Set<String> lostOnTheWay = ConcurrentHashMap.newKeySet();

    public SandboxPaymentGateway(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                                 BankingCalendar calendar) {
        TransactionTemplate ownTransactions = new TransactionTemplate(transactionManager);
        // What a processor has done does not roll back with the caller's transaction.
        ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.requests = new SandboxRequests(jdbc, ownTransactions, clock);
        this.ledger = new SandboxLedger(jdbc);
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public CardRegistration registerCard(CardNumber number, CardExpiry expiry, IdempotencyKey key) {
        SandboxCard behaviour = SandboxCard.of(number);
        Request request = Request.of(Kind.REGISTER_CARD, number.brand(), number.lastFour(), expiry.month(), behaviour);
        Outcome<CardRegistration> outcome = requests.once(key, request, newReference("tok_sandbox_"), token -> {
            Card card = new Card(token, number.brand(), number.lastFour(), expiry.month(), behaviour);
            ledger.add(card);
            return card.registration();
        }, token -> ledger.card(token).orElseThrow().registration());
        log.info("Sandbox card {} registered under key {}{}", outcome.result().token(), key, repeat(outcome));
        return outcome.result();
    }

    @Override
    public CardAuthorization authorizeZeroAmount(String cardToken, IdempotencyKey key) {
        Card card = registeredCard(cardToken);
        Request request = Request.of(Kind.AUTHORIZE_ZERO_AMOUNT, cardToken);
        Outcome<CardPayment> outcome = requests.once(key, request, newReference("auth_sandbox_"), reference -> {
            CardPayment authorization = new CardPayment(reference, cardToken, BigDecimal.ZERO.setScale(2),
                    card.behaviour().authorizationDecline().orElse(null));
            ledger.add(authorization);
            return authorization;
        }, this::recordedCardPayment);
        log.info("Sandbox zero-amount authorization {} under key {}: {}{}", outcome.result().reference(), key,
                answer(outcome.result()), repeat(outcome));
        return outcome.result().result();
    }

    @Override
    public CardAuthorization charge(String cardToken, BigDecimal amount, IdempotencyKey key) {
        BigDecimal dollars = dollarsAndCents(amount);
        Card card = registeredCard(cardToken);
        if (card.behaviour().chargeLostOnce() && lostOnTheWay.add(key.value())) {
            log.warn("Sandbox charge under key {} lost on the way: nothing recorded, as if the request had timed out", key);
            throw new PaymentOutcomeUnknownException(key, "the sandbox never received the request, as if it had timed out");
        }
        Request request = Request.of(Kind.CHARGE, cardToken, dollars);
        Outcome<CardPayment> outcome = requests.once(key, request, newReference("ch_sandbox_"), reference -> {
            CardPayment charge = new CardPayment(reference, cardToken, dollars, card.behaviour().chargeDecline().orElse(null));
            ledger.add(charge);
            return charge;
        }, this::recordedCardPayment);
        if (outcome.acted() && card.behaviour().chargeOutcomeUnknown()) {
            log.warn("Sandbox charge {} under key {} recorded, answer withheld as if timed out", outcome.result().reference(), key);
            throw new PaymentOutcomeUnknownException(key, "the sandbox withheld its answer, as if the response had timed out");
        }
        log.info("Sandbox charge {} under key {}: {}{}", outcome.result().reference(), key, answer(outcome.result()), repeat(outcome));
        return outcome.result().result();
    }

    @Override
    public MicroDeposits sendMicroDeposits(BankAccount account, IdempotencyKey key) {
        SandboxBankAccount behaviour = SandboxBankAccount.of(account.accountNumber());
        String routingNumber = account.routingNumber().value();
        String lastFour = account.accountNumber().lastFour();
        Request request = Request.of(Kind.MICRO_DEPOSITS, account.accountType(), routingNumber, lastFour, behaviour);
        Outcome<MicroDeposits> outcome = requests.once(key, request, newReference("md_sandbox_"), reference -> {
            MicroDepositPair deposits = behaviour.rejectsMicroDeposits()
                    ? new MicroDepositPair(reference, routingNumber, lastFour, List.of(), behaviour.returnCode().orElseThrow())
                    : new MicroDepositPair(reference, routingNumber, lastFour, twoDistinctAmountsUnderADollar(), null);
            ledger.add(deposits);
            return deposits.result();
        }, reference -> ledger.microDeposits(reference).orElseThrow().result());
        log.info("Sandbox micro-deposits {} under key {}: {}{}", outcome.result().reference(), key,
                outcome.result().wasSent() ? "sent" : "rejected " + outcome.result().rejection(), repeat(outcome));
        return outcome.result();
    }

    @Override
    public boolean microDepositAmountsMatch(String microDepositReference, BigDecimal first, BigDecimal second) {
        return ledger.microDeposits(microDepositReference).map(deposits -> deposits.match(first, second)).orElse(false);
    }

    /**
     * The amounts of the micro-deposits as the member sees them on their bank statement, in the
     * order sent; none if the bank refused them or the reference is unknown. Sandbox only, for
     * tests and demos: a real processor never tells.
     */
    public List<BigDecimal> microDepositAmounts(String microDepositReference) {
        return ledger.microDeposits(microDepositReference).map(MicroDepositPair::amounts).orElse(List.of());
    }

    /** The micro-deposit credits sent to one account, oldest first, as its owner's bank statement would list them. */
    public List<List<BigDecimal>> microDepositsTo(String routingNumber, String lastFour) {
        return ledger.microDepositsTo(routingNumber, lastFour).stream()
                .filter(deposits -> deposits.rejection() == null)
                .map(MicroDepositPair::amounts)
                .toList();
    }

    @Override
    public AchDebit debit(BankAccount account, BigDecimal amount, String description, IdempotencyKey key) {
        BigDecimal dollars = dollarsAndCents(amount);
        if (description == null || description.isBlank() || description.length() > DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("An ACH entry description is 1 to 10 characters (the Nacha company entry description)");
        }
        SandboxBankAccount behaviour = SandboxBankAccount.of(account.accountNumber());
        String routingNumber = account.routingNumber().value();
        String lastFour = account.accountNumber().lastFour();
        LocalDate effectiveDate = calendar.onOrAfter(LocalDate.now(clock));
        Request request = Request.of(Kind.DEBIT, account.accountType(), routingNumber, lastFour, behaviour, dollars, description);
        Outcome<AchDebit> outcome = requests.once(key, request, newReference("ach_sandbox_"), reference -> {
            Debit debit = new Debit(reference, routingNumber, lastFour, dollars, description, effectiveDate,
                    calendar.plusBankingDays(effectiveDate, behaviour.settlementBankingDays()),
                    behaviour.returnCode().map(code -> calendar.plusBankingDays(effectiveDate, behaviour.returnBankingDays())).orElse(null),
                    behaviour.returnCode().orElse(null));
            ledger.add(debit);
            return debit.result();
        }, reference -> ledger.debit(reference).orElseThrow().result());
        if (outcome.acted() && behaviour.debitOutcomeUnknown()) {
            log.warn("Sandbox ACH debit {} under key {} recorded, answer withheld as if timed out", outcome.result().reference(), key);
            throw new PaymentOutcomeUnknownException(key, "the sandbox withheld its answer, as if the response had timed out");
        }
        log.info("Sandbox ACH debit {} under key {}: effective {}{}", outcome.result().reference(), key,
                outcome.result().effectiveDate(), repeat(outcome));
        return outcome.result();
    }

    @Override
    public PaymentStatus status(IdempotencyKey key) {
        return requests.find(key).map(recorded -> {
            String reference = recorded.reference();
            return switch (recorded.request().kind()) {
                case REGISTER_CARD -> new PaymentStatus(PaymentStatus.State.APPROVED, reference, null, null);
                case AUTHORIZE_ZERO_AMOUNT, CHARGE -> recordedCardPayment(reference).status();
                case MICRO_DEPOSITS -> ledger.microDeposits(reference).orElseThrow().status();
                case DEBIT -> ledger.debit(reference).orElseThrow().statusOn(LocalDate.now(clock));
            };
        }).orElseGet(() -> new PaymentStatus(PaymentStatus.State.NOT_FOUND, null, null, null));
    }

    private Card registeredCard(String token) {
        return ledger.card(token).orElseThrow(() -> new IllegalArgumentException("No card is registered with the sandbox under this token"));
    }

    private CardPayment recordedCardPayment(String reference) {
        return ledger.cardPayment(reference).orElseThrow();
    }

    private static BigDecimal dollarsAndCents(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("An amount must be more than zero, in dollars and cents");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private List<BigDecimal> twoDistinctAmountsUnderADollar() {
        int first = random.nextInt(1, 100);
        int second = random.nextInt(1, 99);
        // Skipping the first amount keeps the second uniform over the other 98.
        if (second >= first) {
            second++;
        }
        return List.of(BigDecimal.valueOf(first, 2), BigDecimal.valueOf(second, 2));
    }

    private String newReference(String prefix) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private static String answer(CardPayment payment) {
        return payment.decline() == null ? "approved" : "declined " + payment.decline().code();
    }

    private static String repeat(Outcome<?> outcome) {
        return outcome.acted() ? "" : " (repeated key, first result returned)";
    }
}
