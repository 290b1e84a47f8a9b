package cn.huinong.catalog.web;

import cn.huinong.catalog.BrandKind;
import cn.huinong.catalog.NewBrand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
record CreateBrandRequest(
        @NotBlank(message = "品牌名称不能为空") @Size(max = 60, message = "品牌名称不超过60字")
        String name,

        @NotNull(message = "请选择品牌类型（REGIONAL_PUBLIC、ENTERPRISE 或 PRODUCT）")
        BrandKind kind,

        @Nullable @Pattern(regexp = "\\d{6}", message = "区域代码应为6位数字")
        String regionCode,

        @Nullable Boolean inNationalCatalogue) {

    NewBrand toCommand() {
        return new NewBrand(name, kind, regionCode, Boolean.TRUE.equals(inNationalCatalogue));
    }
}
