package cn.huinong.catalog;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * Only a certificate awaiting review can be reviewed (409).
 * Problem type {@code urn:huinong:problem:certificate-not-pending}, listed in docs/problems.md.
 */
public class CertificateNotPending extends ConflictException {

    public static final String SLUG = "certificate-not-pending";

    public CertificateNotPending(String detail) {
        this(detail, List.of(), Map.of());
    }

    public CertificateNotPending(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public CertificateNotPending(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
