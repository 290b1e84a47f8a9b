package cn.huinong.shared.problem;

import java.util.List;
import java.util.Map;

/**
 * Base of every business failure. Carries no HTTP: {@link ProblemKind} says what it is (and so the status), and
 * {@link #type()} which failure exactly: a specific exception (e.g. {@code OutOfStock}) passes its own slug, so
 * that an integrator can tell one 409 from another; the generic ones answer with the kind's URN. Every slug is
 * listed in {@code docs/problems.md}.
 */
public class DomainException extends RuntimeException {

    private static final String URN = "urn:huinong:problem:";

    private final ProblemKind kind;
    private final String slug;
    private final List<Violation> violations;
    private final Map<String, Object> extensions;

    public DomainException(ProblemKind kind, String detail) {
        this(kind, detail, List.of(), Map.of());
    }

    public DomainException(
            ProblemKind kind, String detail, List<Violation> violations, Map<String, Object> extensions) {
        this(kind, null, detail, violations, extensions);
    }

    /** A specific failure: {@code slug} (lower-case, hyphenated) makes its type {@code urn:huinong:problem:<slug>}. */
    protected DomainException(
            ProblemKind kind, String slug, String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(detail);
        if (slug != null && !slug.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("problem slug must be lower-case and hyphenated: " + slug);
        }
        this.kind = kind;
        this.slug = slug;
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemKind kind() {
        return kind;
    }

    /** The problem document's {@code type}: the specific failure's URN, or the kind's when there is none. */
    public String type() {
        return slug == null ? kind.type() : URN + slug;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Extra members of the problem document, e.g. {@code lineErrors}. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
