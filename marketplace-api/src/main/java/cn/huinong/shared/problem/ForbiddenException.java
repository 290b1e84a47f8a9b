package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

public class ForbiddenException extends DomainException {

    public ForbiddenException(String detail) {
        super(ProblemKind.FORBIDDEN, detail);
    }

    public ForbiddenException(String detail, List<Violation> violations) {
        super(ProblemKind.FORBIDDEN, detail, violations, Map.of());
    }

    public ForbiddenException(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(ProblemKind.FORBIDDEN, detail, violations, extensions);
    }

    /** For a specific failure of this kind, with its own problem type (see {@link DomainException#type()}). */
    protected ForbiddenException(
            String slug, String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(ProblemKind.FORBIDDEN, slug, detail, violations, extensions);
    }
}
