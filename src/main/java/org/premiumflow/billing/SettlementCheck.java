package org.premiumflow.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.premiumflow.payment.gateway.IdempotencyKey;
import org.premiumflow.payment.gateway.PaymentGateway;
import org.premiumflow.payment.gateway.PaymentStatus;
import org.premiumflow.workflow.WorkflowMessage;
import org.premiumflow.workflow.WorkflowMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Learns from the processor what became of ACH debits: pending ones settle or come back, and
 * settled ones may still come back within the return window (up to 60 days for an unauthorized
 * debit, Nacha). Each change is posted to the ledger and told to the processes waiting on the
 * payment, by its idempotency key.
 */
@Component
public class SettlementCheck {

    static final String SETTLED = "payment-settled";
    static final String RETURNED = "payment-returned";
    static final Duration RETURN_WINDOW = Duration.ofDays(60);
    private static final Duration MESSAGE_KEPT = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(SettlementCheck.class);

    private final JdbcClient jdbc;
    private final PaymentGateway gateway;
    private final PaymentPosting posting;
    private final WorkflowMessages messages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SettlementCheck(JdbcClient jdbc, PaymentGateway gateway, PaymentPosting posting, WorkflowMessages messages,
                    TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.posting = posting;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Watched(long id, String memberId, String idempotencyKey, String status) {
    }

    @Scheduled(fixedDelayString = "${premiumflow.billing.settlement-check-interval:PT5M}")
    public void checkNow() {
        List<Watched> watched = jdbc.sql("""
                        select p.id, p.member_id, p.idempotency_key, p.status from premiumflow.payment p
                        join premiumflow.payment_method m on m.id = p.payment_method_id
                        where m.kind = 'BANK_ACCOUNT' and (p.status = 'PENDING' or (p.status = 'SETTLED' and p.settled_at > ?))
                        order by p.id""")
                .param(Timestamp.from(clock.instant().minus(RETURN_WINDOW)))
                .query(Watched.class).list();
        for (Watched payment : watched) {
            PaymentStatus status = gateway.status(new IdempotencyKey(payment.idempotencyKey()));
            transactions.executeWithoutResult(tx -> apply(payment, status));
        }
    }

    private void apply(Watched payment, PaymentStatus status) {
        if (status.state() == PaymentStatus.State.SETTLED && payment.status().equals("PENDING")) {
            posting.settled(payment.memberId(), payment.id());
            tell(SETTLED, payment, Map.of("paymentOutcome", "SETTLED"));
        } else if (status.state() == PaymentStatus.State.RETURNED) {
            posting.returned(payment.memberId(), payment.id(), status.returnCode().name());
            log.info("Payment {} of member {} returned with {}", payment.id(), payment.memberId(), status.returnCode());
            tell(RETURNED, payment, Map.of("paymentOutcome", "RETURNED", "returnCode", status.returnCode().name(),
                    "returnReason", status.returnCode().description()));
        }
    }

    private void tell(String name, Watched payment, Map<String, Object> variables) {
        messages.send(new WorkflowMessage(name, payment.idempotencyKey(), name + ":" + payment.id(), MESSAGE_KEPT, variables));
    }
}
