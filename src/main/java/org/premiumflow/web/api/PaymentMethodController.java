package org.premiumflow.web.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.premiumflow.autopay.AutoPayAuthorization;
import org.premiumflow.autopay.AutoPayEnrollment;
import org.premiumflow.paymentmethod.AccountType;
import org.premiumflow.paymentmethod.BankAccount;
import org.premiumflow.paymentmethod.BankAccountNumber;
import org.premiumflow.paymentmethod.CardExpiry;
import org.premiumflow.paymentmethod.CardNumber;
import org.premiumflow.paymentmethod.InvalidFieldException;
import org.premiumflow.paymentmethod.MicroDepositConfirmation;
import org.premiumflow.paymentmethod.PaymentMethod;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.premiumflow.paymentmethod.PaymentMethodVerification;
import org.premiumflow.paymentmethod.RoutingNumber;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a member does with payment methods: add one (optionally for AutoPay), confirm micro-deposits, list, remove. */
@RestController
@RequestMapping("/api/members/{memberId}/payment-methods")
class PaymentMethodController {

    private final PaymentMethodRegistration registration;
    private final PaymentMethodVerification verification;
    private final AutoPayEnrollment autopay;
    private final Clock clock;

    PaymentMethodController(PaymentMethodRegistration registration, PaymentMethodVerification verification,
                            AutoPayEnrollment autopay, Clock clock) {
        this.registration = registration;
        this.verification = verification;
        this.autopay = autopay;
        this.clock = clock;
    }

    @GetMapping
    List<PaymentMethodView> list(@PathVariable String memberId) {
        return registration.list(memberId).stream().map(this::view).toList();
    }

    @PostMapping
    ResponseEntity<PaymentMethodView> add(@PathVariable String memberId, @RequestBody NewPaymentMethodRequest request) {
        FieldChecks checks = new FieldChecks();
        String type = request.type();
        checks.require("BANK_ACCOUNT".equals(type) || "CARD".equals(type), "type", "must be BANK_ACCOUNT or CARD");
        AutoPayAuthorization authorization = request.autopay() == null ? null
                : checks.check(() -> new AutoPayAuthorization(request.autopay().authorizedBy(), request.autopay().agreedToTerms()));
        PaymentMethod method;
        if ("CARD".equals(type)) {
            CardNumber number = checks.check(() -> new CardNumber(request.cardNumber()));
            CardExpiry expiry = checks.check(() -> new CardExpiry(month(request.expiry())).requireNotExpired(YearMonth.now(clock)));
            checks.throwIfAnyFailed();
            method = autopay.addCard(memberId, number, expiry, authorization);
        } else {
            AccountType accountType = checks.check(() -> accountType(request.accountType()));
            RoutingNumber routing = checks.check(() -> new RoutingNumber(request.routingNumber()));
            BankAccountNumber number = checks.check(() -> new BankAccountNumber(request.accountNumber()));
            checks.require(request.nameOnAccount() != null && !request.nameOnAccount().isBlank(), "nameOnAccount", "is required");
            BankAccount account = checks.passed()
                    ? checks.check(() -> new BankAccount(accountType, request.nameOnAccount(), routing, number)) : null;
            checks.throwIfAnyFailed();
            method = autopay.addBankAccount(memberId, account, authorization);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(method));
    }

    /** The two amounts the member read on their statement, e.g. {"amounts": ["0.32", "0.45"]}. */
    record AmountsRequest(List<String> amounts) {
    }

    @PostMapping("/{methodId}/micro-deposit-confirmation")
    ResponseEntity<Map<String, Object>> confirm(@PathVariable String memberId, @PathVariable long methodId,
                                                @RequestBody AmountsRequest request) {
        if (request.amounts() == null || request.amounts().size() != 2) {
            throw new InvalidFieldException("amounts", "must hold the two amounts of the micro-deposits");
        }
        MicroDepositConfirmation result = verification.confirmMicroDeposits(memberId, methodId,
                amount(request.amounts().get(0)), amount(request.amounts().get(1)));
        HttpStatus status = result.result() == MicroDepositConfirmation.Result.VERIFIED ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
        return ResponseEntity.status(status).body(Map.of("result", result.result().name(), "attemptsLeft", result.attemptsLeft()));
    }

    @DeleteMapping("/{methodId}")
    PaymentMethodView remove(@PathVariable String memberId, @PathVariable long methodId) {
        return view(autopay.removeMethod(memberId, methodId));
    }

    private PaymentMethodView view(PaymentMethod method) {
        return PaymentMethodView.of(method, autopay.usedByAutoPay(method.id()), verification.microDeposits(method.id()).orElse(null));
    }

    private static YearMonth month(String value) {
        try {
            return value == null ? null : YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("expiry", "must be a month written like 2028-04");
        }
    }

    private static AccountType accountType(String value) {
        if (!"CHECKING".equals(value) && !"SAVINGS".equals(value)) {
            throw new InvalidFieldException("accountType", "must be CHECKING or SAVINGS");
        }
        return AccountType.valueOf(value);
    }

    private static BigDecimal amount(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidFieldException("amounts", "each amount must be a dollar amount such as 0.32");
        }
    }
}
