package cn.huinong.ordering;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A buyer user's cart at current prices. A line whose product is no longer purchasable or short of stock says so
 * ({@code available: false}) and is left out of {@code totalFen}. {@code eligible}: whether the product counts
 * toward the reserved share today (the catalog's eligibility policy); checkout freezes the decision per order line.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CartView(List<Line> lines, long totalFen) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Line(
            long productId,
            @Nullable String name,
            @Nullable Long supplierId,
            @Nullable String supplierName,
            @Nullable String unit,
            @Nullable String spec,
            @Nullable Long priceFen,
            int quantity,
            long amountFen,
            int stock,
            boolean available,
            boolean eligible) {}
}
