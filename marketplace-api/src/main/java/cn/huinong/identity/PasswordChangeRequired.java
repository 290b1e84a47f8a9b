package cn.huinong.identity;

import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The password was reset: this session may only change it (403).
 * Problem type {@code urn:huinong:problem:password-change-required}, listed in docs/problems.md.
 */
public class PasswordChangeRequired extends ForbiddenException {

    public static final String SLUG = "password-change-required";

    public PasswordChangeRequired(String detail) {
        this(detail, List.of(), Map.of());
    }

    public PasswordChangeRequired(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public PasswordChangeRequired(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
