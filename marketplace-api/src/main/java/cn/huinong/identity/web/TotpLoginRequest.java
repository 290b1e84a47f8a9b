package cn.huinong.identity.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The second sign-in step: the challenge from {@code POST /auth/login} and a TOTP code or a recovery code. */
@Serdeable
record TotpLoginRequest(
        @NotBlank(message = "缺少登录验证标识") @Size(max = 100, message = "登录验证标识无效")
        String challenge,

        @NotBlank(message = "请输入验证码") @Size(max = 20, message = "验证码过长")
        String code) {}
