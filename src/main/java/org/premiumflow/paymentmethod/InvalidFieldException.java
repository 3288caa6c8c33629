package org.premiumflow.paymentmethod;

/**
 * Input that breaks a rule, naming the field and the rule, never the value: the value may be an
 * account or card number.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidFieldException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
