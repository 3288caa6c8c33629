package org.premiumflow.engine.store;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Hands out the keys the API exposes, from one sequence, never reused. */
public final class Keys {

    private final JdbcClient jdbc;

    public Keys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long next() {
        return jdbc.sql("select nextval('engine.engine_key')").query(Long.class).single();
    }
}
