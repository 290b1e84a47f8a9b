package cn.huinong.identity;

import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The role requires TOTP and the user has not enrolled: this session may only enrol (403).
 * Problem type {@code urn:huinong:problem:two-factor-enrolment-required}, listed in docs/problems.md.
 */
public class TwoFactorEnrolmentRequired extends ForbiddenException {

    public static final String SLUG = "two-factor-enrolment-required";

    public TwoFactorEnrolmentRequired(String detail) {
        this(detail, List.of(), Map.of());
    }

    public TwoFactorEnrolmentRequired(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public TwoFactorEnrolmentRequired(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
