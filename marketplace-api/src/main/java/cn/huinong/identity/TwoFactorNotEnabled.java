package cn.huinong.identity;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * TOTP is off for this user, so it cannot be turned off or reset (409).
 * Problem type {@code urn:huinong:problem:two-factor-not-enabled}, listed in docs/problems.md.
 */
public class TwoFactorNotEnabled extends ConflictException {

    public static final String SLUG = "two-factor-not-enabled";

    public TwoFactorNotEnabled(String detail) {
        this(detail, List.of(), Map.of());
    }

    public TwoFactorNotEnabled(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public TwoFactorNotEnabled(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
