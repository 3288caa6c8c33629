package org.premiumflow.autopay;

import org.premiumflow.paymentmethod.InvalidFieldException;

/**
 * The member's authorization to draft their premium automatically: the name they signed with
 * and their agreement to the terms. Nacha requires a debit authorization to be clear and readily
 * identifiable, so both must be given explicitly.
 */
public record AutoPayAuthorization(String authorizedBy, Boolean agreedToTerms) {

    public AutoPayAuthorization {
        if (authorizedBy == null || authorizedBy.isBlank()) {
            throw new InvalidFieldException("authorizedBy", "is required: the name of the person authorizing the drafts");
        }
        authorizedBy = authorizedBy.strip();
        if (authorizedBy.length() > 100) {
            throw new InvalidFieldException("authorizedBy", "must be at most 100 characters");
        }
        if (!Boolean.TRUE.equals(agreedToTerms)) {
            throw new InvalidFieldException("agreedToTerms", "must be true: AutoPay drafts only with the member's agreement");
        }
    }
}
