package org.premiumflow.rating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * A change of an enrollment's premium after a life event, as the life-event process asks for it.
 *
 * @param reference         the change's business reference, e.g. {@code life-event-42}: applied once
 *                          per reference, and named on its adjustment lines and notice
 * @param effectiveDateRule {@code FIRST_OF_MONTH_AFTER_CUTOFF} or {@code EVENT_DATE}, see {@link EffectiveDateRule}
 * @param eventDate         the day of the event
 * @param reportedOn        the day the member reported it, at the exchange (Boston)
 * @param household         the household after the event
 * @param planId            the plan the member chose with the change; null to keep the enrollment's
 */
public record PremiumChange(String memberId, long enrollmentId, String reference, String effectiveDateRule, LocalDate eventDate,
                            LocalDate reportedOn, HouseholdAfter household, String planId) {

    public PremiumChange {
        if (memberId == null || memberId.isBlank()) {
            throw new IllegalArgumentException("memberId: required");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("reference: required, so that the change is applied once");
        }
        EffectiveDateRule.named(effectiveDateRule);
        if (eventDate == null) {
            throw new IllegalArgumentException("eventDate: required");
        }
        if (reportedOn == null) {
            throw new IllegalArgumentException("reportedOn: required");
        }
        if (reportedOn.isBefore(eventDate)) {
            throw new IllegalArgumentException("reportedOn: " + reportedOn + " is before the event on " + eventDate);
        }
        if (household == null) {
            throw new IllegalArgumentException("household: required");
        }
        if (planId != null && planId.isBlank()) {
            throw new IllegalArgumentException("planId: blank; leave it out to keep the enrollment's plan");
        }
    }

    public EffectiveDateRule rule() {
        return EffectiveDateRule.named(effectiveDateRule);
    }

    /**
     * The household after the event, with the dates of birth of the people on the plan: their ages
     * depend on the day the new terms are rated for.
     */
    public record HouseholdAfter(int size, BigDecimal annualIncome, List<LocalDate> enrolleeBirthDates, boolean eligibleForOtherCoverage) {

        public HouseholdAfter {
            if (enrolleeBirthDates == null || enrolleeBirthDates.isEmpty() || enrolleeBirthDates.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException(
                        "household.enrolleeBirthDates: a date of birth for each person on the plan, at least one");
            }
            enrolleeBirthDates = List.copyOf(enrolleeBirthDates);
        }

        /**
         * The household as rated, each enrollee at their age on the given day.
         *
         * @throws IllegalArgumentException naming the field, for someone born after that day or an invalid household
         */
        public Household on(LocalDate day) {
            List<Integer> ages = enrolleeBirthDates.stream().map(born -> {
                if (born.isAfter(day)) {
                    throw new IllegalArgumentException("household.enrolleeBirthDates: " + born + " is after " + day
                            + ", when the new terms start");
                }
                return Period.between(born, day).getYears();
            }).toList();
            try {
                return new Household(size, annualIncome, ages, eligibleForOtherCoverage);
            } catch (IllegalArgumentException e) {
                // Household names the ages; here they are the dates of birth they come from.
                throw new IllegalArgumentException("household." + e.getMessage().replaceFirst("^enrolleeAges", "enrolleeBirthDates"), e);
            }
        }
    }
}
