package cn.huinong.quota;

import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The reserved amount is below the floor's share of the annual canteen food budget (422).
 * Problem type {@code urn:huinong:problem:plan-below-floor}, listed in docs/problems.md.
 */
public class PlanBelowFloor extends RuleViolationException {

    public static final String SLUG = "plan-below-floor";

    public PlanBelowFloor(String detail) {
        this(detail, List.of(), Map.of());
    }

    public PlanBelowFloor(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public PlanBelowFloor(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
