package cn.huinong.shared.idempotency;

import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} contract of API.md for writes that create orders or move money: the same key and
 * request replays the first response; the same key with another request is 422. Runs inside the command's own
 * transaction: the key row is inserted first (a concurrent twin waits on it), the response is stored with the
 * command's effects, and a failed command rolls the key back so that the client may retry.
 */
@Singleton
public class Idempotency {

    public static final int MAX_KEY_LENGTH = 200;

    /** The command's result, and whether it was replayed from an earlier request. */
    public record Outcome<T>(T value, int status, boolean replayed) {}

    private final Sql sql;
    private final ObjectMapper json;

    Idempotency(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /**
     * Runs {@code work} once per ({@code scope}, {@code key}); without a key it simply runs.
     *
     * @param scope       whose keys these are, e.g. {@code user:alice}
     * @param operation   what is being done, e.g. {@code checkout}: part of the request fingerprint
     * @param request     the request (serialised to JSON for the fingerprint)
     * @param status      the HTTP status of a successful first response, replayed with it
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public <T> Outcome<T> once(
            String scope,
            @Nullable String key,
            String operation,
            Object request,
            Class<T> type,
            int status,
            Supplier<T> work) {
        if (key == null) {
            return new Outcome<>(work.get(), status, false);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException(
                    "Idempotency-Key 无效", List.of(new Violation("Idempotency-Key", "长度应在1到" + MAX_KEY_LENGTH + "之间")));
        }
        String hash = fingerprint(operation, request);
        int inserted = sql.update("""
                INSERT INTO idempotency_key (scope, key, request_hash) VALUES (?, ?, ?)
                ON CONFLICT (scope, key) DO NOTHING""", scope, key, hash);
        if (inserted == 1) {
            T value = work.get();
            sql.update(
                    "UPDATE idempotency_key SET response_status = ?, response_body = ?::jsonb WHERE scope = ? AND key = ?",
                    status,
                    write(value),
                    scope,
                    key);
            return new Outcome<>(value, status, false);
        }
        Stored stored = sql.one(
                        "SELECT request_hash, response_status, response_body::text FROM idempotency_key WHERE scope = ? AND key = ?",
                        rs -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)),
                        scope,
                        key)
                .orElse(null);
        if (stored == null || stored.body() == null) {
            throw new IdempotencyKeyInFlight("相同 Idempotency-Key 的请求正在处理，请稍后重试");
        }
        if (!stored.hash().equals(hash)) {
            throw new IdempotencyKeyReused("Idempotency-Key 已用于内容不同的请求，请使用新的 Idempotency-Key");
        }
        return new Outcome<>(read(stored.body(), type), stored.status(), true);
    }

    private record Stored(String hash, Integer status, String body) {}

    /**
     * Deletes keys (and their stored responses) created before {@code cutoff}, at most {@code batch} rows in this
     * transaction; returns how many. A client retrying with such a key later is treated as a new request.
     */
    @Transactional
    public int purgeCreatedBefore(Instant cutoff, int batch) {
        return sql.update("""
                DELETE FROM idempotency_key WHERE ctid IN (
                    SELECT ctid FROM idempotency_key WHERE created_at < ? ORDER BY created_at LIMIT ?)""", cutoff, batch);
    }

    String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
