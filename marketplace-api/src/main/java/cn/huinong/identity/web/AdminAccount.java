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
        @NotBlank(message = "请填写密码")
        @Size(min = 8, max = 128, message = "密码长度应为8-128位")
        @Pattern(regexp = "(?=.*[A-Za-z])(?=.*\\d).*", message = "密码须同时包含字母和数字")
        String password) {
}
