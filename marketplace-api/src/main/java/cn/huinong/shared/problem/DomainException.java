package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

/** Base of every business failure. Carries no HTTP: {@link ProblemKind} says what it is. */
public class DomainException extends RuntimeException {

    private final ProblemKind kind;
    private final List<Violation> violations;
    private final Map<String, Object> extensions;

    public DomainException(ProblemKind kind, String detail) {
        this(kind, detail, List.of(), Map.of());
    }

    public DomainException(ProblemKind kind, String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(detail);
        this.kind = kind;
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Extra members of the problem document, e.g. {@code lineErrors}. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
