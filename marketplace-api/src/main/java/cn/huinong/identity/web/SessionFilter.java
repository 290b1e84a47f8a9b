package cn.huinong.identity.web;

import cn.huinong.identity.Accounts;
import cn.huinong.identity.PasswordChangeRequired;
import cn.huinong.identity.SessionEnded;
import cn.huinong.identity.TwoFactorEnrolmentRequired;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;

/**
 * Every request with a token: its session (by {@code jti}) must be live in PostgreSQL, so a logout, a revocation
 * or the idle timeout takes effect on every instance at once (401). A session restricted to a password change or
 * to TOTP enrolment may only reach {@code /me...} and {@code /auth/...} (403 elsewhere).
 */
@ServerFilter("/api/**")
class SessionFilter implements Ordered {

    private final Accounts accounts;

    SessionFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    static String jtiOf(Authentication authentication) {
        return authentication.getAttributes().get("jti") instanceof String s ? s : null;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void requireLiveSession(HttpRequest<?> request) {
        Optional<Authentication> auth = request.getUserPrincipal(Authentication.class);
        if (auth.isEmpty()) {
            return;
        }
        Accounts.SessionAccess access = accounts.access(jtiOf(auth.get()));
        String path = request.getPath();
        boolean own = path.equals("/api/v1/me") || path.startsWith("/api/v1/me/") || path.startsWith("/api/v1/auth/");
        switch (access) {
            case ENDED -> throw new SessionEnded("登录已失效（已退出、超时或被撤销），请重新登录");
            case PASSWORD_CHANGE_ONLY -> {
                if (!own) {
                    throw new PasswordChangeRequired("请先修改密码：您的密码已被重置，设置新密码后才能继续使用");
                }
            }
            case MFA_ENROLMENT_ONLY -> {
                if (!own) {
                    throw new TwoFactorEnrolmentRequired("您的角色须启用两步验证：请先绑定验证器后再继续使用");
                }
            }
            case FULL -> {}
        }
    }

    @Override
    public int getOrder() {
        // after authentication, before the organisation-approval gate
        return ServerFilterPhase.SECURITY.after() - 1;
    }
}
