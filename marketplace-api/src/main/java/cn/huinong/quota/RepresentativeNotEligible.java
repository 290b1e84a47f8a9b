package cn.huinong.quota;

import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The named representative of a shared canteen is not an approved unit of the same county filing an own canteen (422).
 * Problem type {@code urn:huinong:problem:representative-not-eligible}, listed in docs/problems.md.
 */
public class RepresentativeNotEligible extends RuleViolationException {

    public static final String SLUG = "representative-not-eligible";

    public RepresentativeNotEligible(String detail) {
        this(detail, List.of(), Map.of());
    }

    public RepresentativeNotEligible(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public RepresentativeNotEligible(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
