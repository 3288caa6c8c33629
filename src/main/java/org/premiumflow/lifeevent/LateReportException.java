package org.premiumflow.lifeevent;

import java.time.LocalDate;

/** A life event reported after its 60-day window: the member may still ask a caseworker to take it. */
public class LateReportException extends RuntimeException {

    private final LocalDate eventDate;
    private final LocalDate lastDay;

    LateReportException(LocalDate eventDate, LocalDate lastDay) {
        super("A life event must be reported within " + LifeEventReporting.REPORTING_DAYS + " days: the event on " + eventDate
                + " could be reported until " + lastDay + ". Nothing was stored. You may still ask a caseworker to consider it:"
                + " call the Health Connector.");
        this.eventDate = eventDate;
        this.lastDay = lastDay;
    }

    public LocalDate eventDate() {
        return eventDate;
    }

    public LocalDate lastDay() {
        return lastDay;
    }
}
