package org.premiumflow.lifeevent;

import java.util.List;

/**
 * People named as leaving who are not of the member's household.
 *
 * @param indexes their places in the report's {@code leaving} list
 */
public class InvalidPersonException extends RuntimeException {

    private final List<Integer> indexes;

    InvalidPersonException(List<Integer> indexes) {
        super("leaving: every id must be a person of the member's household");
        this.indexes = List.copyOf(indexes);
    }

    public List<Integer> indexes() {
        return indexes;
    }
}
