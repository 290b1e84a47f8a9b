package cn.huinong.quota;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * The ratio exception was already decided (409).
 * Problem type {@code urn:huinong:problem:ratio-exception-already-decided}, listed in docs/problems.md.
 */
public class RatioExceptionAlreadyDecided extends ConflictException {

    public static final String SLUG = "ratio-exception-already-decided";

    public RatioExceptionAlreadyDecided(String detail) {
        this(detail, List.of(), Map.of());
    }

    public RatioExceptionAlreadyDecided(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public RatioExceptionAlreadyDecided(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
