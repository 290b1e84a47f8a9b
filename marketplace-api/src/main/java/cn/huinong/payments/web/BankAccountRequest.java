package cn.huinong.payments.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 对公账户: 开户行, 户名 (the supplier's registered name), 账号 (digits; spaces allowed). */
@Serdeable
record BankAccountRequest(
        @NotBlank(message = "开户行不能为空") @Size(max = 60, message = "开户行不能超过60字")
        String bankName,

        @NotBlank(message = "户名不能为空") @Size(max = 100, message = "户名不能超过100字")
        String accountName,

        @NotBlank(message = "账号不能为空") @Size(max = 40, message = "账号过长")
        String accountNumber) {}
