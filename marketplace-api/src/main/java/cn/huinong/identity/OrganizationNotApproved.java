package cn.huinong.identity;

import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The caller's organisation is not (or no longer) approved, so it may not act (403).
 * Problem type {@code urn:huinong:problem:organization-not-approved}, listed in docs/problems.md.
 */
public class OrganizationNotApproved extends ForbiddenException {

    public static final String SLUG = "organization-not-approved";

    public OrganizationNotApproved(String detail) {
        this(detail, List.of(), Map.of());
    }

    public OrganizationNotApproved(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public OrganizationNotApproved(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
