package org.premiumflow.paymentmethod;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a payment method's audit trail: what happened, who did it, and the status it left. */
@Entity
@Table(name = "payment_method_event")
public class PaymentMethodEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_method_id")
    private PaymentMethod paymentMethod;

    private Instant occurredAt;
    private String event;

    @Enumerated(EnumType.STRING)
    private PaymentMethodStatus statusAfter;

    private String actor;
    private String detail;

    protected PaymentMethodEvent() {
    }

    PaymentMethodEvent(PaymentMethod paymentMethod, Instant occurredAt, String event, String actor, String detail) {
        this.paymentMethod = paymentMethod;
        this.occurredAt = occurredAt;
        this.event = event;
        this.statusAfter = paymentMethod.status();
        this.actor = actor;
        this.detail = detail;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String event() {
        return event;
    }

    public PaymentMethodStatus statusAfter() {
        return statusAfter;
    }

    public String actor() {
        return actor;
    }

    public String detail() {
        return detail;
    }
}
