package cn.huinong.identity.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A code from the authenticator app (6 digits), or for removal also a recovery code. */
@Serdeable
record TotpCodeRequest(
        @NotBlank(message = "请输入验证码") @Size(max = 20, message = "验证码过长")
        String code) {}
