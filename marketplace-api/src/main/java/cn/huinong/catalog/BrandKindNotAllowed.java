package cn.huinong.catalog;

import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * Regional public brands are created by operators, enterprise and product brands by suppliers (403).
 * Problem type {@code urn:huinong:problem:brand-kind-not-allowed}, listed in docs/problems.md.
 */
public class BrandKindNotAllowed extends ForbiddenException {

    public static final String SLUG = "brand-kind-not-allowed";

    public BrandKindNotAllowed(String detail) {
        this(detail, List.of(), Map.of());
    }

    public BrandKindNotAllowed(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public BrandKindNotAllowed(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
