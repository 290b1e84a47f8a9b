package cn.huinong.search;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * A catalog index rebuild is already running (409).
 * Problem type {@code urn:huinong:problem:index-rebuild-in-progress}, listed in docs/problems.md.
 */
public class IndexRebuildInProgress extends ConflictException {

    public static final String SLUG = "index-rebuild-in-progress";

    public IndexRebuildInProgress(String detail) {
        this(detail, List.of(), Map.of());
    }

    public IndexRebuildInProgress(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public IndexRebuildInProgress(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
