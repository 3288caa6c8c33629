package org.premiumflow.recovery;

/** Reinstatement cannot be asked for now: no coverage ended for non-payment, or the days to ask are over (409). */
public class ReinstatementRefusedException extends RuntimeException {

    public ReinstatementRefusedException(String message) {
        super(message);
    }
}
