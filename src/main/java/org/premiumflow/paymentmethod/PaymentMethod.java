package org.premiumflow.paymentmethod;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.premiumflow.payment.gateway.CardRegistration;

/**
 * A bank account or card a member pays with. The account number is held only encrypted and a
 * card only as the processor's token; what may be shown is the kind and the last four digits.
 * Every change of status is written to the method's audit trail.
 */
@Entity
@Table(name = "payment_method")
public class PaymentMethod {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String memberId;

    @Enumerated(EnumType.STRING)
    private PaymentMethodKind kind;

    @Enumerated(EnumType.STRING)
    private PaymentMethodStatus status;

    private String lastFour;

    @Enumerated(EnumType.STRING)
    private AccountType accountType;

    private String nameOnAccount;
    private String routingNumber;
    private String accountNumberEncrypted;

    @Enumerated(EnumType.STRING)
    private CardBrand cardBrand;

    private String cardToken;
    private LocalDate cardExpiry;
    private Instant createdAt;

    @OneToMany(mappedBy = "paymentMethod", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PaymentMethodEvent> events = new ArrayList<>();

    protected PaymentMethod() {
    }

    private PaymentMethod(String memberId, PaymentMethodKind kind, String lastFour, Instant now, String actor) {
        this.memberId = memberId;
        this.kind = kind;
        this.lastFour = lastFour;
        this.status = PaymentMethodStatus.PENDING_VERIFICATION;
        this.createdAt = now;
        record(now, "ADDED", actor, null);
    }

    static PaymentMethod bankAccount(String memberId, BankAccount account, String encryptedAccountNumber, Instant now, String actor) {
        PaymentMethod method = new PaymentMethod(memberId, PaymentMethodKind.BANK_ACCOUNT, account.accountNumber().lastFour(), now, actor);
        method.accountType = account.accountType();
        method.nameOnAccount = account.nameOnAccount();
        method.routingNumber = account.routingNumber().value();
        method.accountNumberEncrypted = encryptedAccountNumber;
        return method;
    }

    static PaymentMethod card(String memberId, CardRegistration card, Instant now, String actor) {
        PaymentMethod method = new PaymentMethod(memberId, PaymentMethodKind.CARD, card.lastFour(), now, actor);
        method.cardBrand = card.brand();
        method.cardToken = card.token();
        method.cardExpiry = card.expiry().atDay(1);
        return method;
    }

    void verified(Instant now, String actor, String detail) {
        requireStatus(PaymentMethodStatus.PENDING_VERIFICATION, "verified");
        status = PaymentMethodStatus.VERIFIED;
        record(now, "VERIFIED", actor, detail);
    }

    void failed(Instant now, String actor, String detail) {
        requireStatus(PaymentMethodStatus.PENDING_VERIFICATION, "failed");
        status = PaymentMethodStatus.FAILED;
        record(now, "VERIFICATION_FAILED", actor, detail);
    }

    /** A payment came back saying the method cannot be used any more; one no longer verified stays as it is. */
    void invalidated(Instant now, String actor, String detail) {
        if (status != PaymentMethodStatus.VERIFIED) {
            return;
        }
        status = PaymentMethodStatus.INVALID;
        record(now, "INVALIDATED", actor, detail);
    }

    void removed(Instant now, String actor) {
        if (status == PaymentMethodStatus.REMOVED) {
            return;
        }
        status = PaymentMethodStatus.REMOVED;
        record(now, "REMOVED", actor, null);
    }

    /** Notes something that happened to the method without changing its status. */
    void record(Instant now, String event, String actor, String detail) {
        events.add(new PaymentMethodEvent(this, now, event, actor, detail));
    }

    private void requireStatus(PaymentMethodStatus expected, String change) {
        if (status != expected) {
            throw new PaymentSetUpConflictException("Payment method " + id + " is " + status + " and cannot be " + change);
        }
    }

    public Long id() {
        return id;
    }

    public String memberId() {
        return memberId;
    }

    public PaymentMethodKind kind() {
        return kind;
    }

    public PaymentMethodStatus status() {
        return status;
    }

    public String lastFour() {
        return lastFour;
    }

    public AccountType accountType() {
        return accountType;
    }

    public String nameOnAccount() {
        return nameOnAccount;
    }

    public String routingNumber() {
        return routingNumber;
    }

    String accountNumberEncrypted() {
        return accountNumberEncrypted;
    }

    public CardBrand cardBrand() {
        return cardBrand;
    }

    String cardToken() {
        return cardToken;
    }

    public YearMonth cardExpiry() {
        return cardExpiry == null ? null : YearMonth.from(cardExpiry);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<PaymentMethodEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** How the method is named to the member and in notices: kind and last four digits only. */
    public String description() {
        if (kind == PaymentMethodKind.BANK_ACCOUNT) {
            return capitalized(accountType.name()) + " account ending " + lastFour;
        }
        String brand = switch (cardBrand) {
            case VISA -> "Visa";
            case MASTERCARD -> "Mastercard";
            case AMERICAN_EXPRESS -> "American Express";
            case DISCOVER -> "Discover";
            case OTHER -> "Card";
        };
        return brand + " card ending " + lastFour;
    }

    private static String capitalized(String word) {
        return word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "PaymentMethod[" + id + "]";
    }
}
