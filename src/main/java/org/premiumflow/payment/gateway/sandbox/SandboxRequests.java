package org.premiumflow.payment.gateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.premiumflow.payment.gateway.IdempotencyKey;
import org.premiumflow.payment.gateway.IdempotencyKeyReusedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the sandbox was asked under each idempotency key. The key's row is written in the same
 * transaction as the effect, with {@code on conflict do nothing}: PostgreSQL makes a concurrent
 * call with the same key wait until the first commits, then it finds the key taken and returns
 * what the first did, so one key never acts twice.
 */
final class SandboxRequests {

    enum Kind {
        REGISTER_CARD,
        AUTHORIZE_ZERO_AMOUNT,
        MICRO_DEPOSITS,
        DEBIT,
        CHARGE
    }

    /**
     * A request as the sandbox recognises it when its key comes again: its kind and a hash of what
     * it carried. The parts never include a full account or card number.
     */
    record Request(Kind kind, String fingerprint) {

        static Request of(Kind kind, Object... parts) {
            String described = Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("|", kind + "|", ""));
            return new Request(kind, sha256(described));
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }

    /** The result under a key, and whether this call was the one that acted. */
    record Outcome<T>(T result, boolean acted) {
    }

    /** What a key was first used for, and the reference of what it made. */
    record Recorded(Request request, String reference) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SandboxRequests(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Acts once per key: the first call runs {@code act} with the new reference; a repeat of the
     * same request gets {@code recall} of the first one's reference; another request is refused.
     */
    <T> Outcome<T> once(IdempotencyKey key, Request request, String newReference, Function<String, T> act,
                        Function<String, T> recall) {
        return transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            insert into premiumflow.sandbox_request (idempotency_key, kind, fingerprint, reference, received_at)
                            values (?, ?, ?, ?, ?)
                            on conflict (idempotency_key) do nothing""")
                    .params(key.value(), request.kind().name(), request.fingerprint(), newReference, OffsetDateTime.now(clock))
                    .update();
            if (inserted == 1) {
                return new Outcome<>(act.apply(newReference), true);
            }
            Recorded first = find(key).orElseThrow();
            if (!first.request().equals(request)) {
                throw new IdempotencyKeyReusedException(key);
            }
            return new Outcome<>(recall.apply(first.reference()), false);
        });
    }

    Optional<Recorded> find(IdempotencyKey key) {
        return jdbc.sql("select kind, fingerprint, reference from premiumflow.sandbox_request where idempotency_key = ?")
                .param(key.value())
                .query((row, number) -> new Recorded(
                        new Request(Kind.valueOf(row.getString("kind")), row.getString("fingerprint")), row.getString("reference")))
                .optional();
    }
}
