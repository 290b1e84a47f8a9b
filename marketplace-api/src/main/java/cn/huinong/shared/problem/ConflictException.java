package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(ProblemKind.CONFLICT, detail);
    }

    public ConflictException(String detail, List<Violation> violations) {
        super(ProblemKind.CONFLICT, detail, violations, Map.of());
    }

    public ConflictException(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(ProblemKind.CONFLICT, detail, violations, extensions);
    }

    /** For a specific failure of this kind, with its own problem type (see {@link DomainException#type()}). */
    protected ConflictException(
            String slug, String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(ProblemKind.CONFLICT, slug, detail, violations, extensions);
    }
}
