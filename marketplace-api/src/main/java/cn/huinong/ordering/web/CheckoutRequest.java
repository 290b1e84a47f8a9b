package cn.huinong.ordering.web;

import cn.huinong.ordering.Channel;
import cn.huinong.ordering.NewCheckout;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

@Serdeable
record CheckoutRequest(
        @NotEmpty(message = "至少需要一件商品") @Size(max = 200, message = "一次最多下单200种商品")
        List<@Valid @NotNull Line> lines,

        @NotBlank(message = "收货地址不能为空") @Size(max = 500, message = "收货地址不能超过500字")
        String deliveryAddress,

        @Nullable Channel channel) {

    @Serdeable
    record Line(
            @NotNull(message = "商品不能为空") Long productId,

            @NotNull(message = "数量不能为空")
            @Min(value = 1, message = "数量至少为1")
            @Max(value = 100000, message = "数量不能超过100000")
            Integer quantity) {}

    NewCheckout toCheckout() {
        return new NewCheckout(
                lines.stream()
                        .map(l -> new NewCheckout.Line(l.productId(), l.quantity()))
                        .toList(),
                deliveryAddress,
                channel);
    }
}
