package cn.huinong.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A product in lists (own products, review queue, price alerts). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProductSummary(
        long id,
        String name,
        String categoryCode,
        long supplierId,
        String supplierName,
        String originRegionCode,
        String unit,
        String spec,
        long priceFen,
        int stock,
        ProductStatus status,
        @Nullable String reviewReason,
        boolean priceFlagged,
        @Nullable String priceFlagReason,
        @Nullable Instant submittedAt,
        Instant updatedAt) {}
