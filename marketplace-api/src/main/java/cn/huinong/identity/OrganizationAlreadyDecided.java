package cn.huinong.identity;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The organisation's application was already approved or rejected (409).
 * Problem type {@code urn:huinong:problem:organization-already-decided}, listed in docs/problems.md.
 */
public class OrganizationAlreadyDecided extends ConflictException {

    public static final String SLUG = "organization-already-decided";

    public OrganizationAlreadyDecided(String detail) {
        this(detail, List.of(), Map.of());
    }

    public OrganizationAlreadyDecided(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public OrganizationAlreadyDecided(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
