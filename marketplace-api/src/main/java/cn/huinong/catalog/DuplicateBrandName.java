package cn.huinong.catalog;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * A brand of this name exists already (409).
 * Problem type {@code urn:huinong:problem:duplicate-brand-name}, listed in docs/problems.md.
 */
public class DuplicateBrandName extends ConflictException {

    public static final String SLUG = "duplicate-brand-name";

    public DuplicateBrandName(String detail) {
        this(detail, List.of(), Map.of());
    }

    public DuplicateBrandName(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public DuplicateBrandName(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
