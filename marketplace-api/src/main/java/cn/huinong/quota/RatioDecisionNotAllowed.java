package cn.huinong.quota;

import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * Ratio exceptions are decided by a finance department in scope or an operator (403).
 * Problem type {@code urn:huinong:problem:ratio-decision-not-allowed}, listed in docs/problems.md.
 */
public class RatioDecisionNotAllowed extends ForbiddenException {

    public static final String SLUG = "ratio-decision-not-allowed";

    public RatioDecisionNotAllowed(String detail) {
        this(detail, List.of(), Map.of());
    }

    public RatioDecisionNotAllowed(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public RatioDecisionNotAllowed(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
