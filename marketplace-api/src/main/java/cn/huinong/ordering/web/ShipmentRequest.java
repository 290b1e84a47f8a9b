package cn.huinong.ordering.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
record ShipmentRequest(
        @NotBlank(message = "承运商不能为空") @Size(max = 100, message = "承运商不能超过100字")
        String carrier,

        @NotBlank(message = "运单号不能为空") @Size(max = 100, message = "运单号不能超过100字")
        String trackingNumber) {}
