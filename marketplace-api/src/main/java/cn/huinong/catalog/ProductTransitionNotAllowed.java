package cn.huinong.catalog;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The product's current status does not allow the requested change (409).
 * Problem type {@code urn:huinong:problem:product-transition-not-allowed}, listed in docs/problems.md.
 */
public class ProductTransitionNotAllowed extends ConflictException {

    public static final String SLUG = "product-transition-not-allowed";

    public ProductTransitionNotAllowed(String detail) {
        this(detail, List.of(), Map.of());
    }

    public ProductTransitionNotAllowed(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public ProductTransitionNotAllowed(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
