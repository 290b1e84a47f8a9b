package cn.huinong.ordering.web;

import cn.huinong.ordering.Channel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
record CartCheckoutRequest(
        @NotBlank(message = "收货地址不能为空") @Size(max = 500, message = "收货地址不能超过500字")
        String deliveryAddress,

        @Nullable Channel channel) {}
