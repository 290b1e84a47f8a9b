package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

/**
 * An uploaded CSV file has errors; nothing was imported; {@code lineErrors} lists them (422).
 * Problem type {@code urn:huinong:problem:import-rejected}, listed in docs/problems.md.
 */
public class ImportRejected extends RuleViolationException {

    public static final String SLUG = "import-rejected";

    public ImportRejected(String detail) {
        this(detail, List.of(), Map.of());
    }

    public ImportRejected(String detail, List<Violation> violations) {
        this(detail, violations, Map.of());
    }

    public ImportRejected(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(SLUG, detail, violations, extensions);
    }
}
