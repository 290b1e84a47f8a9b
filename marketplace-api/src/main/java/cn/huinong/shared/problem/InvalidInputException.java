package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

public class InvalidInputException extends DomainException {

    public InvalidInputException(String detail) {
        super(ProblemKind.INVALID_INPUT, detail);
    }

    public InvalidInputException(String detail, List<Violation> violations) {
        super(ProblemKind.INVALID_INPUT, detail, violations, Map.of());
    }

    public InvalidInputException(String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(ProblemKind.INVALID_INPUT, detail, violations, extensions);
    }

    /** For a specific failure of this kind, with its own problem type (see {@link DomainException#type()}). */
    protected InvalidInputException(
            String slug, String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(ProblemKind.INVALID_INPUT, slug, detail, violations, extensions);
    }
}
