package cn.huinong.identity;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * A TOTP confirmation without a started enrolment (409).
 * Problem type {@code urn:huinong:problem:two-factor-enrolment-not-started}, listed in docs/problems.md.
 */
public class TwoFactorEnrolmentNotStarted extends ConflictException {

    public static final String SLUG = "two-factor-enrolment-not-started";

    public TwoFactorEnrolmentNotStarted(String detail) {
        this(detail, List.of(), Map.of());
    }

    public TwoFactorEnrolmentNotStarted(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public TwoFactorEnrolmentNotStarted(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
