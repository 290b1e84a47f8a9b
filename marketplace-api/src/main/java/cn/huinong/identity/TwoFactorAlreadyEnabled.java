package cn.huinong.identity;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * TOTP is already on for this user (409).
 * Problem type {@code urn:huinong:problem:two-factor-already-enabled}, listed in docs/problems.md.
 */
public class TwoFactorAlreadyEnabled extends ConflictException {

    public static final String SLUG = "two-factor-already-enabled";

    public TwoFactorAlreadyEnabled(String detail) {
        this(detail, List.of(), Map.of());
    }

    public TwoFactorAlreadyEnabled(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public TwoFactorAlreadyEnabled(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
