package cn.huinong.identity;

import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The user's role requires TOTP: it cannot be turned off (422).
 * Problem type {@code urn:huinong:problem:two-factor-required}, listed in docs/problems.md.
 */
public class TwoFactorRequired extends RuleViolationException {

    public static final String SLUG = "two-factor-required";

    public TwoFactorRequired(String detail) {
        this(detail, List.of(), Map.of());
    }

    public TwoFactorRequired(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public TwoFactorRequired(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
