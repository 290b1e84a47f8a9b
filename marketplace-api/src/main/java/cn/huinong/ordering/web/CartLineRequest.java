package cn.huinong.ordering.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Serdeable
record CartLineRequest(
        @NotNull(message = "数量不能为空") @Min(value = 1, message = "数量至少为1") @Max(value = 100000, message = "数量不能超过100000")
        Integer quantity) {}
