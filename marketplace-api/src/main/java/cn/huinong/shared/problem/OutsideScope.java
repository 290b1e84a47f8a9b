package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

/**
 * The region or unit lies outside the supervising department's scope (403).
 * Problem type {@code urn:huinong:problem:outside-scope}, listed in docs/problems.md.
 */
public class OutsideScope extends ForbiddenException {

    public static final String SLUG = "outside-scope";

    public OutsideScope(String detail) {
        this(detail, List.of(), Map.of());
    }

    public OutsideScope(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public OutsideScope(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
