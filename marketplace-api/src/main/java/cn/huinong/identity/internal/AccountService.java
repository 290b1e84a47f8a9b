package cn.huinong.identity.internal;

import cn.huinong.identity.Accounts;
import cn.huinong.shared.problem.DomainException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.ProblemKind;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
class AccountService implements Accounts {

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final TokenGenerator tokens;
    private final IdentitySettings settings;

    AccountService(UserRepository users, PasswordHasher passwords, LoginThrottle throttle, TokenGenerator tokens,
                   IdentitySettings settings) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.settings = settings;
    }

    @Override
    public IssuedToken login(String username, String password, String ipAddress) {
        String address = ipAddress == null ? "unknown" : ipAddress;
        throttle.check(username, address);
        Optional<UserRow> user = users.findByUsernameIgnoringCase(username);
        boolean ok;
        if (user.isPresent()) {
            ok = passwords.matches(password, user.get().passwordHash()) && user.get().enabled();
        } else {
            passwords.burn(password);
            ok = false;
        }
        throttle.record(username, address, ok);
        if (!ok) {
            throw new DomainException(ProblemKind.UNAUTHENTICATED, "用户名或密码错误");
        }
        UserRow u = user.get();
        SessionUser session = new SessionUser(u.username(), List.of(u.role()), u.organizationId());
        int lifetime = (int) settings.tokenLifetime().toSeconds();
        String token = tokens.generateToken(Authentication.build(u.username(), session.roles(),
                        Map.of("organizationId", u.organizationId())), lifetime)
                .orElseThrow(() -> new IllegalStateException("could not sign a token"));
        return new IssuedToken(token, lifetime, session);
    }

    @Override
    public SessionUser user(String username) {
        UserRow u = users.findByUsernameIgnoringCase(username)
                .orElseThrow(() -> new NotFoundException("用户不存在：" + username));
        return new SessionUser(u.username(), List.of(u.role()), u.organizationId());
    }
}
