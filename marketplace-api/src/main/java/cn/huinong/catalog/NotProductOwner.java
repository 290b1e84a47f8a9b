package cn.huinong.catalog;

import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * Only the supplier that owns the product may do this (403).
 * Problem type {@code urn:huinong:problem:not-product-owner}, listed in docs/problems.md.
 */
public class NotProductOwner extends ForbiddenException {

    public static final String SLUG = "not-product-owner";

    public NotProductOwner(String detail) {
        this(detail, List.of(), Map.of());
    }

    public NotProductOwner(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public NotProductOwner(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
