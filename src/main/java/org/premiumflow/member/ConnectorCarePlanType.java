package org.premiumflow.member;

/** ConnectorCare plan types by household income (956 CMR 12.04); types 1 and 2A always have a $0 plan. */
public enum ConnectorCarePlanType {
    TYPE_1("1"),
    TYPE_2A("2A"),
    TYPE_2B("2B"),
    TYPE_3A("3A"),
    TYPE_3B("3B"),
    TYPE_3C("3C");

    private final String code;

    ConnectorCarePlanType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ConnectorCarePlanType ofCode(String code) {
        for (ConnectorCarePlanType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown ConnectorCare plan type '" + code + "'");
    }
}
