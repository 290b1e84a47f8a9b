package cn.huinong.catalog.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A product's search document: the contract with catalog-indexer (ADR 4). Field names are the
 * Elasticsearch mapping's; null values are written out, never dropped. These are the facts; the searchable text
 * derived from them (place short forms, certification names, pinyin, the fallback's tokens) is added by
 * {@link cn.huinong.indexer.text.SearchText#enrich} when {@link SearchDocuments} writes the document (ADR 5).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record SearchDocument(
        long id,
        String name,
        @Nullable String description,
        String categoryCode,
        List<String> categoryPath,
        String categoryName,
        List<String> categoryNames,
        long supplierId,
        String supplierName,
        String originCode,
        @Nullable String originName,
        @Nullable String provinceCode,
        @Nullable String provinceName,
        @Nullable String prefectureCode,
        @Nullable String prefectureName,
        @Nullable Long brandId,
        @Nullable String brandName,
        @Nullable String brandKind,
        List<String> certifications,
        boolean eligible,
        long priceFen,
        String unit,
        String spec,
        int stock,
        boolean inStock,
        long salesCount,
        @Nullable String listedAt,
        String updatedAt,
        @Nullable String imageUrl,
        String status) {

    static SearchDocument of(AssembledProduct p) {
        ProductRow r = p.row();
        return new SearchDocument(
                r.id(),
                r.name(),
                r.description(),
                r.categoryCode(),
                p.categoryPath(),
                p.categoryName(),
                p.categoryNames(),
                r.supplierId(),
                p.supplier().name(),
                r.originRegionCode(),
                p.originName(),
                p.provinceCode(),
                p.provinceName(),
                p.prefectureCode(),
                p.prefectureName(),
                r.brandId(),
                p.brand() == null ? null : p.brand().name(),
                p.brand() == null ? null : p.brand().kind().name(),
                p.certifications().stream()
                        .filter(c -> c.valid())
                        .map(c -> c.kind().name())
                        .distinct()
                        .sorted()
                        .toList(),
                p.eligibility().eligible(),
                r.priceFen(),
                r.unit(),
                r.spec(),
                r.stock(),
                r.stock() > 0,
                r.salesCount(),
                r.listedAt() == null ? null : r.listedAt().toString(),
                r.updatedAt().toString(),
                r.imageUrls().isEmpty() ? null : r.imageUrls().get(0),
                r.status().name());
    }
}
