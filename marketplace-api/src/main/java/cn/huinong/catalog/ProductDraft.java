package cn.huinong.catalog;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** What a supplier says about a product when creating or editing it. */
public record ProductDraft(
        String name,
        String categoryCode,
        String originRegionCode,
        String unit,
        String spec,
        long priceFen,
        int stock,
        @Nullable Long brandId,
        @Nullable String description,
        List<String> imageUrls) {}
