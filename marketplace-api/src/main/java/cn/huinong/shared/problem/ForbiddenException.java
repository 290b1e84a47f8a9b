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
}
