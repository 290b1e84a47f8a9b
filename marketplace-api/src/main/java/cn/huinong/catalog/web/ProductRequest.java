package cn.huinong.catalog.web;

import cn.huinong.catalog.ProductDraft;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A product as the supplier creates or edits it; price in fen. */
@Serdeable
record ProductRequest(
        @NotBlank(message = "商品名称不能为空") @Size(max = 100, message = "商品名称不超过100字")
        String name,

        @NotBlank(message = "请选择品类") String categoryCode,
        @NotBlank(message = "请选择产地") String originRegionCode,

        @NotBlank(message = "计量单位不能为空") @Size(max = 10, message = "计量单位不超过10字")
        String unit,

        @NotBlank(message = "规格不能为空") @Size(max = 50, message = "规格不超过50字")
        String spec,

        @NotNull(message = "请填写价格（单位：分）") @Positive(message = "价格必须大于0（单位：分）")
        Long priceFen,

        @NotNull(message = "请填写库存") @PositiveOrZero(message = "库存不能为负数")
        Integer stock,

        @Nullable Long brandId,

        @Nullable @Size(max = 2000, message = "商品描述不超过2000字")
        String description,

        @Nullable @Size(max = 9, message = "商品图片最多9张") List<String> imageUrls) {

    ProductDraft toDraft() {
        return new ProductDraft(
                name,
                categoryCode,
                originRegionCode,
                unit,
                spec,
                priceFen,
                stock,
                brandId,
                description,
                imageUrls == null ? List.of() : imageUrls);
    }
}
