package cn.huinong.ordering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What a buyer checks out: products and quantities (any suppliers), where to deliver, through which channel. */
@Serdeable
public record NewCheckout(
        List<Line> lines, String deliveryAddress, @Nullable Channel channel) {

    @Serdeable
    public record Line(long productId, int quantity) {}
}
