package cn.huinong.shared.idempotency;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * A request with the same Idempotency-Key is still being processed (409).
 * Problem type {@code urn:huinong:problem:idempotency-key-in-flight}, listed in docs/problems.md.
 */
public class IdempotencyKeyInFlight extends ConflictException {

    public static final String SLUG = "idempotency-key-in-flight";

    public IdempotencyKeyInFlight(String detail) {
        this(detail, List.of(), Map.of());
    }

    public IdempotencyKeyInFlight(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public IdempotencyKeyInFlight(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
