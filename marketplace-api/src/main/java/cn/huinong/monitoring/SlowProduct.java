package cn.huinong.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A LISTED product (listed for at least the window) without a paid sale in the window (滞销预警). A sale is an order
 * line of a paid order not refunded in full. {@code lastSoldAt} and {@code daysSinceLastSale} are null when it never
 * sold; days are whole days until the time of the query.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SlowProduct(
        long productId,
        String name,
        long supplierId,
        String supplierName,
        String originRegionCode,
        @Nullable String originRegionName,
        String categoryName,
        long priceFen,
        int stock,
        @Nullable Instant listedAt,
        @Nullable Instant lastSoldAt,
        @Nullable Long daysSinceLastSale) {}
