package cn.huinong.quota;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * Other units name this unit as their shared canteen's representative: its canteen cannot change to none or shared (409).
 * Problem type {@code urn:huinong:problem:representative-canteen-locked}, listed in docs/problems.md.
 */
public class RepresentativeCanteenLocked extends ConflictException {

    public static final String SLUG = "representative-canteen-locked";

    public RepresentativeCanteenLocked(String detail) {
        this(detail, List.of(), Map.of());
    }

    public RepresentativeCanteenLocked(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public RepresentativeCanteenLocked(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
