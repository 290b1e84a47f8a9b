package cn.huinong.identity;

import cn.huinong.shared.problem.DomainException;
import cn.huinong.shared.problem.ProblemKind;
import java.util.List;
import java.util.Map;

/**
 * The second step of a sign-in came with an unknown, used or expired challenge (401).
 * Problem type {@code urn:huinong:problem:login-challenge-expired}, listed in docs/problems.md.
 */
public class LoginChallengeExpired extends DomainException {

    public static final String SLUG = "login-challenge-expired";

    public LoginChallengeExpired(String detail) {
        super(ProblemKind.UNAUTHENTICATED, SLUG, detail, List.of(), Map.of());
    }
}
