package cn.huinong.identity;

import cn.huinong.shared.problem.DomainException;
import cn.huinong.shared.problem.ProblemKind;
import java.util.List;
import java.util.Map;

/**
 * The token's session was logged out, timed out or revoked (401).
 * Problem type {@code urn:huinong:problem:session-ended}, listed in docs/problems.md.
 */
public class SessionEnded extends DomainException {

    public static final String SLUG = "session-ended";

    public SessionEnded(String detail) {
        super(ProblemKind.UNAUTHENTICATED, SLUG, detail, List.of(), Map.of());
    }
}
