package cn.huinong.identity.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
record AdminAccount(
        @NotBlank(message = "请填写管理员用户名")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{3,31}", message = "用户名为4-32位字母、数字或 . _ -，以字母或数字开头")
        String username,
        // the password rules (length, classes, not the username) are checked with the rest of the registration
        @NotBlank(message = "请填写密码") @Size(max = 128, message = "密码不能超过128位")
        String password) {}
