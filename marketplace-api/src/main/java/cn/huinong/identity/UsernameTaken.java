package cn.huinong.identity;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The administrator's username is already used (409).
 * Problem type {@code urn:huinong:problem:username-taken}, listed in docs/problems.md.
 */
public class UsernameTaken extends ConflictException {

    public static final String SLUG = "username-taken";

    public UsernameTaken(String detail) {
        this(detail, List.of(), Map.of());
    }

    public UsernameTaken(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public UsernameTaken(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
