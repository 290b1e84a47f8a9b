package cn.huinong.identity;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * An organisation with this unified social credit code is already registered (409).
 * Problem type {@code urn:huinong:problem:duplicate-credit-code}, listed in docs/problems.md.
 */
public class DuplicateCreditCode extends ConflictException {

    public static final String SLUG = "duplicate-credit-code";

    public DuplicateCreditCode(String detail) {
        this(detail, List.of(), Map.of());
    }

    public DuplicateCreditCode(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public DuplicateCreditCode(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
