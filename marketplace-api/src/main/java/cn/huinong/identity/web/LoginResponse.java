package cn.huinong.identity.web;

import cn.huinong.identity.Accounts;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
record LoginResponse(String accessToken, String tokenType, long expiresIn, Accounts.SessionUser user) {
}
