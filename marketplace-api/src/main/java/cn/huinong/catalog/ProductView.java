package cn.huinong.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The product page: what it is, who sells it, where it comes from, why it counts (or not) toward the
 * reserved share. Review notes ({@code reviewReason}, {@code priceFlagged}, {@code priceFlagReason})
 * are shown to the owner and operators only, null for everyone else.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProductView(
        long id,
        String name,
        @Nullable String description,
        Category category,
        Supplier supplier,
        Origin origin,
        @Nullable Brand brand,
        String unit,
        String spec,
        long priceFen,
        int stock,
        List<String> imageUrls,
        ProductStatus status,
        @Nullable String reviewReason,
        @Nullable Boolean priceFlagged,
        @Nullable String priceFlagReason,
        List<CertificationView> certifications,
        boolean eligible,
        List<String> eligibilityReasons,
        long salesCount,
        @Nullable Instant listedAt,
        Instant createdAt,
        Instant updatedAt) {

    @Serdeable
    public record Category(String code, String name, List<String> path) {}

    @Serdeable
    public record Supplier(long id, String name) {}

    @Serdeable
    /** As in search results: {@code province} is the province code ({@code NN0000}), {@code provinceName} its name. */
    public record Origin(
            String code,
            String name,
            @Nullable String province,
            @Nullable String provinceName) {}

    @Serdeable
    public record Brand(long id, String name, BrandKind kind) {}
}
