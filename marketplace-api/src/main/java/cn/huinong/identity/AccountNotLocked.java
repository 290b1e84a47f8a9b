package cn.huinong.identity;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * An unlock of an account that is not locked (409).
 * Problem type {@code urn:huinong:problem:account-not-locked}, listed in docs/problems.md.
 */
public class AccountNotLocked extends ConflictException {

    public static final String SLUG = "account-not-locked";

    public AccountNotLocked(String detail) {
        this(detail, List.of(), Map.of());
    }

    public AccountNotLocked(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public AccountNotLocked(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
