package org.premiumflow.autopay;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A member's authorization to draft their monthly premium share from one payment method: who
 * authorized it, under which amount rule, when, and from which draft on it applies.
 */
@Entity
@Table(name = "autopay_mandate")
public class AutoPayMandate {

    /** The mandate drafts what the member owes for the month: gross premium less APTC. */
    static final String MONTHLY_MEMBER_RESPONSIBILITY = "MONTHLY_MEMBER_RESPONSIBILITY";
    static final String MEMBER_API = "MEMBER_API";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String memberId;
    private Long paymentMethodId;

    @Enumerated(EnumType.STRING)
    private MandateStatus status;

    private String amountRule;
    private String authorizedBy;
    private Instant authorizedAt;
    private String authorizationChannel;
    private LocalDate firstDraftDate;
    private LocalDate coverageMonth;
    private Instant activatedAt;
    private Instant endedAt;
    private String endReason;
    private Long replacesMandateId;
    private LocalDate draftsBefore;

    protected AutoPayMandate() {
    }

    AutoPayMandate(String memberId, long paymentMethodId, AutoPayAuthorization authorization, Instant now) {
        this.memberId = memberId;
        this.paymentMethodId = paymentMethodId;
        this.status = MandateStatus.REQUESTED;
        this.amountRule = MONTHLY_MEMBER_RESPONSIBILITY;
        this.authorizedBy = authorization.authorizedBy();
        this.authorizedAt = now;
        this.authorizationChannel = MEMBER_API;
    }

    /**
     * Drafts again from the method of a mandate revoked after a return, under the same
     * authorization, once a caseworker found that it holds. A new mandate naming the revoked one,
     * so the revocation stays on record.
     */
    static AutoPayMandate restoring(AutoPayMandate revoked, Instant now) {
        AutoPayMandate restored = new AutoPayMandate();
        restored.memberId = revoked.memberId;
        restored.paymentMethodId = revoked.paymentMethodId;
        restored.status = MandateStatus.ACTIVE;
        restored.amountRule = revoked.amountRule;
        restored.authorizedBy = revoked.authorizedBy;
        restored.authorizedAt = revoked.authorizedAt;
        restored.authorizationChannel = revoked.authorizationChannel;
        restored.firstDraftDate = revoked.firstDraftDate;
        restored.coverageMonth = revoked.coverageMonth;
        restored.activatedAt = now;
        restored.replacesMandateId = revoked.id;
        return restored;
    }

    void activate(YearMonth firstCoverageMonth, LocalDate firstDraftDate, AutoPayMandate replaced, Instant now) {
        this.status = MandateStatus.ACTIVE;
        this.replacesMandateId = replaced == null ? null : replaced.id();
        this.coverageMonth = firstCoverageMonth.atDay(1);
        this.firstDraftDate = firstDraftDate;
        this.activatedAt = now;
    }

    /**
     * Another mandate takes over from its first draft date; this one still drafts the due dates
     * before it, so no month goes undrafted while the new method is being set up.
     */
    void replacedBy(AutoPayMandate successor, LocalDate successorsFirstDraft, Instant now) {
        end(MandateStatus.REPLACED, "replaced by mandate " + successor.id(), now);
        this.draftsBefore = successorsFirstDraft;
    }

    void end(MandateStatus endStatus, String reason, Instant now) {
        this.status = endStatus;
        this.endReason = reason;
        this.endedAt = now;
    }

    /** Whether this mandate drafts on a date: active from its first draft on, or replaced and still before its successor's. */
    public boolean draftsOn(LocalDate date) {
        // Never activated (requested or withdrawn), it has no first draft and drafts nothing.
        return firstDraftDate != null && !date.isBefore(firstDraftDate)
                && (status == MandateStatus.ACTIVE || draftsBeforeSuccessor(date));
    }

    /** Whether AutoPay needs this mandate's method today or later: requested, active, or replaced but still drafting. */
    boolean mayDraftFrom(LocalDate today) {
        return status == MandateStatus.REQUESTED || status == MandateStatus.ACTIVE || draftsBeforeSuccessor(today);
    }

    private boolean draftsBeforeSuccessor(LocalDate date) {
        return status == MandateStatus.REPLACED && draftsBefore != null && date.isBefore(draftsBefore);
    }

    public Long id() {
        return id;
    }

    public String memberId() {
        return memberId;
    }

    public long paymentMethodId() {
        return paymentMethodId;
    }

    public MandateStatus status() {
        return status;
    }

    public String amountRule() {
        return amountRule;
    }

    public String authorizedBy() {
        return authorizedBy;
    }

    public Instant authorizedAt() {
        return authorizedAt;
    }

    public LocalDate firstDraftDate() {
        return firstDraftDate;
    }

    public YearMonth firstCoverageMonth() {
        return coverageMonth == null ? null : YearMonth.from(coverageMonth);
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endReason() {
        return endReason;
    }

    /** For a replaced mandate: it still drafts due dates before this date. */
    public LocalDate draftsBefore() {
        return draftsBefore;
    }

    /** The mandate this one took over from, if it replaced the method of an active AutoPay. */
    public Long replacesMandateId() {
        return replacesMandateId;
    }

    @Override
    public String toString() {
        return "AutoPayMandate[" + id + "]";
    }
}
