package cn.huinong.quota;

import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * Some selected units need no reminder now (filed and on pace, or not yet in the reminder period) (422).
 * Problem type {@code urn:huinong:problem:units-not-due}, listed in docs/problems.md.
 */
public class UnitsNotDue extends RuleViolationException {

    public static final String SLUG = "units-not-due";

    public UnitsNotDue(String detail) {
        this(detail, List.of(), Map.of());
    }

    public UnitsNotDue(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public UnitsNotDue(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
