package cn.huinong.quota;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The unit already has a pending or approved ratio exception for the year (409).
 * Problem type {@code urn:huinong:problem:ratio-exception-exists}, listed in docs/problems.md.
 */
public class RatioExceptionExists extends ConflictException {

    public static final String SLUG = "ratio-exception-exists";

    public RatioExceptionExists(String detail) {
        this(detail, List.of(), Map.of());
    }

    public RatioExceptionExists(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public RatioExceptionExists(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
