package org.premiumflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The domain schema's Flyway migrations as shipped: what a fully migrated database has applied. */
public final class DomainMigrations {

    private DomainMigrations() {
    }

    public static int count() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/domain/V*.sql").length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
