package cn.huinong.quota;

import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * A ratio exception must ask for less than the province's floor (422).
 * Problem type {@code urn:huinong:problem:ratio-not-below-floor}, listed in docs/problems.md.
 */
public class RatioNotBelowFloor extends RuleViolationException {

    public static final String SLUG = "ratio-not-below-floor";

    public RatioNotBelowFloor(String detail) {
        this(detail, List.of(), Map.of());
    }

    public RatioNotBelowFloor(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public RatioNotBelowFloor(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
