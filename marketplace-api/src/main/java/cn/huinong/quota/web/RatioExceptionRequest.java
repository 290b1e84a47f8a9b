package cn.huinong.quota.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A lower ratio than the floor, in percent with at most two decimals (8.5 = 8.5%), and why. */
@Serdeable
record RatioExceptionRequest(
        @NotNull(message = "请填写申请比例")
        @DecimalMin(value = "0", message = "比例不能为负")
        @DecimalMax(value = "100", message = "比例不能超过100")
        BigDecimal ratioPercent,

        @NotBlank(message = "请说明申请理由") @Size(max = 1000, message = "理由不超过1000字")
        String reason) {}
