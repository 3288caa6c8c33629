package org.premiumflow.engine.store;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hands out the keys the API exposes. The sequence moves in blocks (see migration V2): one
 * {@code nextval} reserves a block for this node, whose keys are then handed out from memory. A
 * block left unused when the node stops is simply skipped: keys are unique, never reused, and
 * grow with time on each node.
 */
public final class Keys {

    static final int BLOCK = 1000;

    private final JdbcClient jdbc;
    private long next;
    private long end;

    public Keys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public synchronized long next() {
        if (next == end) {
            // Taken inside the caller's transaction: nextval is never rolled back, so a failed command only skips keys.
            next = jdbc.sql("select nextval('engine.engine_key')").query(Long.class).single();
            end = next + BLOCK;
        }
        return next++;
    }
}
