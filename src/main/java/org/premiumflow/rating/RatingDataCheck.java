package org.premiumflow.rating;

import java.util.List;
import org.premiumflow.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads every coverage year's rating data once at start-up, so age factors over the 2:1 cap or a
 * year loaded only in part stop the application with one line naming the year, instead of failing
 * the first rating for that year.
 */
@Component
class RatingDataCheck {

    private static final Logger log = LoggerFactory.getLogger(RatingDataCheck.class);

    private final RatingTables tables;

    RatingDataCheck(RatingTables tables) {
        this.tables = tables;
    }

    @EventListener(ApplicationStartedEvent.class)
    void check() {
        List<Integer> years = tables.years();
        for (int year : years) {
            try {
                tables.year(year);
            } catch (IllegalStateException | MissingRatingDataException e) {
                throw new StartupProblem("Rating data is not valid: " + e.getMessage(),
                        "correct the coverage year's rows in the rating tables (poverty_guideline, applicable_percentage,"
                                + " age_rating_factor, benchmark_premium, plan_rate).", e);
            }
        }
        log.info("Rating data checked for coverage years {}", years);
    }
}
