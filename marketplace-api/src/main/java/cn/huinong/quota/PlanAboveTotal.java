package cn.huinong.quota;

import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The reserved amount exceeds the annual canteen food budget (422).
 * Problem type {@code urn:huinong:problem:plan-above-total}, listed in docs/problems.md.
 */
public class PlanAboveTotal extends RuleViolationException {

    public static final String SLUG = "plan-above-total";

    public PlanAboveTotal(String detail) {
        this(detail, List.of(), Map.of());
    }

    public PlanAboveTotal(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public PlanAboveTotal(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
