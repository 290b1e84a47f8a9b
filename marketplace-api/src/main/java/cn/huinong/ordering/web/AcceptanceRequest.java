package cn.huinong.ordering.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@Serdeable
record AcceptanceRequest(
        @Nullable @Min(value = 1, message = "评分应在1到5之间") @Max(value = 5, message = "评分应在1到5之间")
        Integer rating,

        @Nullable @Size(max = 1000, message = "评价不能超过1000字") String comment) {}
