package cn.huinong.shared.idempotency;

import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The Idempotency-Key was used for a request with a different body (422).
 * Problem type {@code urn:huinong:problem:idempotency-key-reused}, listed in docs/problems.md.
 */
public class IdempotencyKeyReused extends RuleViolationException {

    public static final String SLUG = "idempotency-key-reused";

    public IdempotencyKeyReused(String detail) {
        this(detail, List.of(), Map.of());
    }

    public IdempotencyKeyReused(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public IdempotencyKeyReused(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
