package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

/** Content beyond its size limit (413). */
public class TooLargeException extends DomainException {

    public TooLargeException(String detail, List<Violation> violations) {
        super(ProblemKind.TOO_LARGE, detail, violations, Map.of());
    }
}
