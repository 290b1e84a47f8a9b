package cn.huinong.catalog.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * Catalog rules that vary: the price rise that sends a listed product back to review, the price
 * sanity factor over the category median, bulk import limits.
 */
@ConfigurationProperties("huinong.catalog")
record CatalogSettings(
        @Min(0) int priceRiseReviewPercent,
        @NotNull @DecimalMin("1.0") BigDecimal priceFlagFactor,
        @Min(1) int priceFlagMinPeers,
        @Min(1) @Max(5000) int importBatchSize,
        @Min(1) int importMaxRows) {}
