package cn.huinong.identity.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
record ChangePasswordRequest(
        @NotBlank(message = "请输入当前密码") @Size(max = 128, message = "密码过长")
        String currentPassword,

        @NotBlank(message = "请输入新密码") @Size(max = 128, message = "密码不能超过128位")
        String newPassword) {}
