package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

public class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super(ProblemKind.NOT_FOUND, detail);
    }

    public NotFoundException(String detail, List<Violation> violations) {
        super(ProblemKind.NOT_FOUND, detail, violations, Map.of());
    }

    public NotFoundException(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(ProblemKind.NOT_FOUND, detail, violations, extensions);
    }

    /** For a specific failure of this kind, with its own problem type (see {@link DomainException#type()}). */
    protected NotFoundException(
            String slug, String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(ProblemKind.NOT_FOUND, slug, detail, violations, extensions);
    }
}
