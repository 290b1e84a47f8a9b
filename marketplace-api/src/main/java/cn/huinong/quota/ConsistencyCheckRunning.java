package cn.huinong.quota;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * A consistency check for the year is already running (409).
 * Problem type {@code urn:huinong:problem:consistency-check-running}, listed in docs/problems.md.
 */
public class ConsistencyCheckRunning extends ConflictException {

    public static final String SLUG = "consistency-check-running";

    public ConsistencyCheckRunning(String detail) {
        this(detail, List.of(), Map.of());
    }

    public ConsistencyCheckRunning(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public ConsistencyCheckRunning(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
