package org.premiumflow.rating;

/** A coverage year whose rating data is not (completely) loaded: rating it would be a guess. */
public class MissingRatingDataException extends RuntimeException {

    MissingRatingDataException(int coverageYear, String missing) {
        super("No rating data for coverage year " + coverageYear + ": " + missing
                + " missing; add the year's rows (db/migration/domain) before rating premiums for it");
    }
}
