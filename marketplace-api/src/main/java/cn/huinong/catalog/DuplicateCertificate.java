package cn.huinong.catalog;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The product already has a certificate with this number (409).
 * Problem type {@code urn:huinong:problem:duplicate-certificate}, listed in docs/problems.md.
 */
public class DuplicateCertificate extends ConflictException {

    public static final String SLUG = "duplicate-certificate";

    public DuplicateCertificate(String detail) {
        this(detail, List.of(), Map.of());
    }

    public DuplicateCertificate(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public DuplicateCertificate(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
