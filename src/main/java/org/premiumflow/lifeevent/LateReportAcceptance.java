package org.premiumflow.lifeevent;

/**
 * A caseworker's decision to take a life event reported after its 60-day window (the member asked,
 * and had good cause: a hospital stay, a notice that never came). It is kept with the event, so an
 * auditor sees who let the window pass and why.
 *
 * @param acceptedBy the caseworker's user name
 * @param reason     why, in their words
 */
public record LateReportAcceptance(String acceptedBy, String reason) {

    public static final int ACCEPTED_BY_MAX_LENGTH = 100;
    public static final int REASON_MAX_LENGTH = 1000;

    public LateReportAcceptance {
        if (acceptedBy == null || acceptedBy.isBlank() || acceptedBy.length() > ACCEPTED_BY_MAX_LENGTH) {
            throw new IllegalArgumentException("lateReport.acceptedBy: the caseworker's user name, 1 to " + ACCEPTED_BY_MAX_LENGTH
                    + " characters");
        }
        if (reason == null || reason.isBlank() || reason.length() > REASON_MAX_LENGTH) {
            throw new IllegalArgumentException("lateReport.reason: why the late report is taken, 1 to " + REASON_MAX_LENGTH
                    + " characters");
        }
    }
}
