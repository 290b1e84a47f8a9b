package cn.huinong.identity;

import cn.huinong.shared.problem.DomainException;
import cn.huinong.shared.problem.ProblemKind;
import java.util.List;
import java.util.Map;

/**
 * Wrong username or password (401); the same for an unknown user.
 * Problem type {@code urn:huinong:problem:invalid-credentials}, listed in docs/problems.md.
 */
public class InvalidCredentials extends DomainException {

    public static final String SLUG = "invalid-credentials";

    public InvalidCredentials(String detail) {
        super(ProblemKind.UNAUTHENTICATED, SLUG, detail, List.of(), Map.of());
    }
}
