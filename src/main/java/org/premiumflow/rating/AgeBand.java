package org.premiumflow.rating;

import java.math.BigDecimal;

/** The age rating factor for ages {@code from} to {@code to}, both included. */
record AgeBand(int from, int to, BigDecimal factor) {

    boolean covers(int age) {
        return age >= from && age <= to;
    }
}
