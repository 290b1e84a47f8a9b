package cn.huinong.identity;

import cn.huinong.shared.problem.DomainException;
import cn.huinong.shared.problem.ProblemKind;
import java.util.List;
import java.util.Map;

/**
 * The second step of a sign-in came with a wrong or already used code (401).
 * Problem type {@code urn:huinong:problem:invalid-totp-code}, listed in docs/problems.md.
 */
public class InvalidTotpCode extends DomainException {

    public static final String SLUG = "invalid-totp-code";

    public InvalidTotpCode(String detail) {
        super(ProblemKind.UNAUTHENTICATED, SLUG, detail, List.of(), Map.of());
    }
}
