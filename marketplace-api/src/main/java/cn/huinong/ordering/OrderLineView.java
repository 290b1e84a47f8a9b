package cn.huinong.ordering;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** One line of an order: quantity at the frozen unit price; {@code eligible} as decided at order time. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderLineView(
        int lineNo,
        long productId,
        String name,
        String unit,
        String spec,
        int quantity,
        long unitPriceFen,
        long amountFen,
        boolean eligible,
        LineSnapshot snapshot) {}
