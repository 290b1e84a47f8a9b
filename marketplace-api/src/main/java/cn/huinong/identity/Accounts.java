package cn.huinong.identity;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Users: login (throttled) and who-am-I. */
public interface Accounts {

    @Serdeable
    record SessionUser(String username, List<String> roles, long organizationId) {
    }

    record IssuedToken(String accessToken, long expiresInSeconds, SessionUser user) {
    }

    IssuedToken login(String username, String password, String ipAddress);

    SessionUser user(String username);
}
