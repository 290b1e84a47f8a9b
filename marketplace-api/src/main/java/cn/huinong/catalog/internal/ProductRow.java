package cn.huinong.catalog.internal;

import cn.huinong.catalog.ProductStatus;
import java.time.Instant;
import java.util.List;

record ProductRow(
        long id,
        long supplierId,
        String name,
        String categoryCode,
        String originRegionCode,
        String unit,
        String spec,
        long priceFen,
        int stock,
        Long brandId,
        String description,
        List<String> imageUrls,
        ProductStatus status,
        String reviewReason,
        boolean priceFlagged,
        String priceFlagReason,
        long salesCount,
        Instant submittedAt,
        Instant listedAt,
        Instant createdAt,
        Instant updatedAt) {}
