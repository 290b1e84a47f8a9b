package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

/**
 * The regulator's department has no supervised region set (403).
 * Problem type {@code urn:huinong:problem:no-supervision-scope}, listed in docs/problems.md.
 */
public class NoSupervisionScope extends ForbiddenException {

    public static final String SLUG = "no-supervision-scope";

    public NoSupervisionScope(String detail) {
        this(detail, List.of(), Map.of());
    }

    public NoSupervisionScope(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public NoSupervisionScope(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
