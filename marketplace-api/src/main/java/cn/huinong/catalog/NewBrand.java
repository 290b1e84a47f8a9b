package cn.huinong.catalog;

import io.micronaut.core.annotation.Nullable;

public record NewBrand(
        String name, BrandKind kind, @Nullable String regionCode, boolean inNationalCatalogue) {}
