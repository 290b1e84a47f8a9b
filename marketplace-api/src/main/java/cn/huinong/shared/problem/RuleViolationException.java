package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

public class RuleViolationException extends DomainException {

    public RuleViolationException(String detail) {
        super(ProblemKind.RULE_VIOLATED, detail);
    }

    public RuleViolationException(String detail, List<Violation> violations) {
        super(ProblemKind.RULE_VIOLATED, detail, violations, Map.of());
    }

    public RuleViolationException(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(ProblemKind.RULE_VIOLATED, detail, violations, extensions);
    }

    /** For a specific failure of this kind, with its own problem type (see {@link DomainException#type()}). */
    protected RuleViolationException(
            String slug, String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(ProblemKind.RULE_VIOLATED, slug, detail, violations, extensions);
    }
}
