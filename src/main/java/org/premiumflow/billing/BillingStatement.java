package org.premiumflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.premiumflow.autopay.AutoPayEnrollment;
import org.premiumflow.calendar.BillingCalendar;
import org.premiumflow.paymentmethod.PaymentMethodRegistration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Derives the member's billing summary from the ledger and their AutoPay. */
@Service
public class BillingStatement {

    private final Ledger ledger;
    private final BillingAdjustments adjustments;
    private final AutoPayEnrollment autopay;
    private final PaymentMethodRegistration methods;
    private final BillingCalendar calendar;
    private final Clock clock;

    BillingStatement(Ledger ledger, BillingAdjustments adjustments, AutoPayEnrollment autopay, PaymentMethodRegistration methods,
                     BillingCalendar calendar, Clock clock) {
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.autopay = autopay;
        this.methods = methods;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public BillingSummary of(String memberId) {
        methods.list(memberId);
        LocalDate today = LocalDate.now(clock);
        List<InvoiceStatus> invoices = ledger.invoices(memberId);
        BigDecimal credit = ledger.unapplied(memberId).stream().map(Ledger.Unapplied::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal open = invoices.stream().map(InvoiceStatus::open).filter(amount -> amount.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Boolean, List<BillingAdjustment>> byPending = adjustments.ofMember(memberId).stream()
                .collect(Collectors.partitioningBy(BillingAdjustment::pending));
        Map<Long, List<BillingSummary.Adjustment>> carried = byPending.get(false).stream()
                .collect(Collectors.groupingBy(BillingAdjustment::invoiceId,
                        Collectors.mapping(BillingStatement::adjustment, Collectors.toList())));
        Optional<InvoiceStatus> nextUnpaid = invoices.stream().filter(InvoiceStatus::owed).findFirst();
        return new BillingSummary(memberId, open.subtract(credit), credit,
                nextUnpaid.map(invoice -> new BillingSummary.Due(invoice.invoice().coverageMonth(), invoice.invoice().dueDate(),
                        invoice.open())).orElse(null),
                upcomingDraft(memberId, invoices, today).orElse(null),
                invoices.stream().map(invoice -> line(invoice, today, carried.getOrDefault(invoice.invoice().id(), List.of())))
                        .toList(),
                byPending.get(true).stream().map(BillingStatement::adjustment).toList(),
                history(memberId, invoices, carried));
    }

    private Optional<BillingSummary.Draft> upcomingDraft(String memberId, List<InvoiceStatus> invoices, LocalDate today) {
        return invoices.stream()
                .filter(InvoiceStatus::owed)
                .filter(invoice -> !calendar.draftDate(invoice.invoice().coverageMonth()).isBefore(today))
                .flatMap(invoice -> {
                    LocalDate date = calendar.draftDate(invoice.invoice().coverageMonth());
                    return autopay.draftingOn(memberId, date).stream().map(mandate -> new BillingSummary.Draft(date,
                            invoice.invoice().coverageMonth(), invoice.open(),
                            methods.find(memberId, mandate.paymentMethodId()).description()));
                })
                .findFirst();
    }

    private static BillingSummary.Adjustment adjustment(BillingAdjustment line) {
        return new BillingSummary.Adjustment(line.coverageMonth(), line.amount(), line.reason());
    }

    private static BillingSummary.InvoiceLine line(InvoiceStatus invoice, LocalDate today, List<BillingSummary.Adjustment> adjustments) {
        BillingSummary.InvoiceState state;
        if (invoice.cancelled()) {
            state = invoice.cancellation().waived() ? BillingSummary.InvoiceState.WAIVED : BillingSummary.InvoiceState.CANCELLED;
        } else if (invoice.paidInFull()) {
            state = BillingSummary.InvoiceState.PAID;
        } else if (today.isAfter(invoice.invoice().dueDate())) {
            state = BillingSummary.InvoiceState.PAST_DUE;
        } else if (invoice.paid().signum() > 0) {
            state = BillingSummary.InvoiceState.PARTLY_PAID;
        } else {
            state = BillingSummary.InvoiceState.UNPAID;
        }
        return new BillingSummary.InvoiceLine(invoice.invoice().id(), invoice.invoice().coverageMonth(), invoice.invoice().amount(),
                invoice.paid(), invoice.open().max(BigDecimal.ZERO), invoice.invoice().dueDate(), state,
                invoice.cancelled() ? invoice.cancellation().reason() : null, adjustments);
    }

    private List<BillingSummary.Transaction> history(String memberId, List<InvoiceStatus> invoices,
                                                     Map<Long, List<BillingSummary.Adjustment>> carried) {
        List<BillingSummary.Transaction> history = new ArrayList<>();
        for (InvoiceStatus invoice : invoices) {
            history.add(new BillingSummary.Transaction(invoice.invoice().issuedAt(), BillingSummary.Kind.INVOICE,
                    "Premium for " + invoice.invoice().coverageMonth()
                            + (carried.containsKey(invoice.invoice().id()) ? " with adjustments for other months" : ""),
                    invoice.invoice().amount()));
        }
        for (Payment payment : ledger.payments(memberId)) {
            String by = payment.channel() == Payment.Channel.AUTOPAY ? "AutoPay draft" : "Payment";
            history.add(new BillingSummary.Transaction(payment.receivedAt(), BillingSummary.Kind.PAYMENT,
                    by + (payment.status() == Payment.Status.PENDING ? " (processing)" : ""), payment.amount().negate()));
            if (payment.status() == Payment.Status.RETURNED) {
                history.add(new BillingSummary.Transaction(payment.returnedAt(), BillingSummary.Kind.RETURN,
                        by + " returned by the bank (" + payment.returnCode() + ")", payment.amount()));
            }
        }
        for (Ledger.CancellationFact cancellation : ledger.cancellations(memberId)) {
            if (cancellation.kind() == InvoiceCancellation.Kind.HARDSHIP_WAIVER) {
                history.add(new BillingSummary.Transaction(cancellation.cancelledAt(), BillingSummary.Kind.WAIVER,
                        "Premium for " + cancellation.coverageMonth() + ": " + cancellation.reason(), cancellation.amount().negate()));
                continue;
            }
            history.add(new BillingSummary.Transaction(cancellation.cancelledAt(), BillingSummary.Kind.CANCELLATION,
                    "Premium for " + cancellation.coverageMonth() + " cancelled: " + cancellation.reason(), cancellation.amount().negate()));
            if (cancellation.undoneAt() != null) {
                history.add(new BillingSummary.Transaction(cancellation.undoneAt(), BillingSummary.Kind.CANCELLATION_UNDONE,
                        "Premium for " + cancellation.coverageMonth() + " owed again: " + cancellation.undoReason(), cancellation.amount()));
            }
        }
        history.sort(Comparator.comparing(BillingSummary.Transaction::at));
        return history;
    }
}
