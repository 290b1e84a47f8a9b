package cn.huinong.ordering.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 开票信息: 发票抬头 and 纳税人识别号 (15 to 20 letters and digits, e.g. the 18-char credit code). */
@Serdeable
record InvoiceRequestRequest(
        @NotBlank(message = "发票抬头不能为空") @Size(max = 200, message = "发票抬头不能超过200字")
        String title,

        @NotBlank(message = "税号不能为空") @Pattern(regexp = "[0-9A-Z]{15,20}", message = "税号应为15到20位数字或大写字母")
        String taxNumber) {}
