package org.premiumflow.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.premiumflow.autopay.AutoPayEnrollment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out what a caseworker found in the review of an unauthorized return (user task "Review
 * unauthorized return", form {@code unauthorized-return-review}). Nacha lets no debit go again on
 * an authorization the member disputes (R05, R07, R10, R29) without a new one: AutoPay stays
 * revoked and the member is asked to set up payment again. Only after R11, a debit "not as
 * authorized" (wrong amount or date) on an authorization that holds, may one corrected entry go
 * within 60 days of the return: AutoPay drafts from the method again and the corrected debit is the
 * next attempt. Done twice, the second does the same and changes nothing more.
 */
@Service
public class UnauthorizedReturnReview {

    private static final Logger log = LoggerFactory.getLogger(UnauthorizedReturnReview.class);

    /** Nacha: a corrected entry after an R11 return goes within 60 days of the return's settlement. */
    static final Period CORRECTED_ENTRY_WINDOW = Period.ofDays(60);
    static final String NOT_AS_AUTHORIZED = "R11";

    /** What the review leads to: one corrected debit, or AutoPay stays stopped. */
    public enum Action { CORRECTED_ENTRY, AUTOPAY_STOPPED }

    private final AutoPayEnrollment autopay;
    private final Clock clock;

    UnauthorizedReturnReview(AutoPayEnrollment autopay, Clock clock) {
        this.autopay = autopay;
        this.clock = clock;
    }

    /**
     * @param authorizationOnFile the caseworker's finding: {@code VALID}, {@code NOT_VALID} or {@code UNCLEAR}
     * @param correctedEntry      whether the caseworker asked for a corrected debit
     * @param returnedOn          the day the return came
     * @throws IllegalArgumentException for a corrected debit the rules never allow, naming the rule:
     *                                  the form offers it only after R11 with a valid authorization
     */
    @Transactional
    public Action act(String memberId, long paymentMethodId, String failureCode, String authorizationOnFile,
                      boolean correctedEntry, LocalDate returnedOn) {
        if (!correctedEntry) {
            return Action.AUTOPAY_STOPPED;
        }
        if (!NOT_AS_AUTHORIZED.equals(failureCode)) {
            throw new IllegalArgumentException("correctedEntry: a corrected debit may follow an R11 return (not as authorized) only, not "
                    + failureCode + ": the member must authorize again");
        }
        if (!"VALID".equals(authorizationOnFile)) {
            throw new IllegalArgumentException("correctedEntry: a corrected debit needs the authorization on file found VALID, not "
                    + authorizationOnFile);
        }
        LocalDate lastDay = returnedOn.plus(CORRECTED_ENTRY_WINDOW);
        if (LocalDate.now(clock).isAfter(lastDay)) {
            // The caseworker answered too late for Nacha: the safe side is the one the member was told of, AutoPay stopped.
            log.info("Review of the R11 return of member {} came after {}: no corrected debit, AutoPay stays stopped", memberId, lastDay);
            return Action.AUTOPAY_STOPPED;
        }
        autopay.restoreRevoked(memberId, paymentMethodId);
        log.info("Review of the R11 return of member {}: authorization holds, one corrected debit from payment method {}", memberId,
                paymentMethodId);
        return Action.CORRECTED_ENTRY;
    }
}
