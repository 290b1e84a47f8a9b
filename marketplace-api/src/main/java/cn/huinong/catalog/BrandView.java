package cn.huinong.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BrandView(
        long id,
        String name,
        BrandKind kind,
        @Nullable String regionCode,
        @Nullable String regionName,
        boolean inNationalCatalogue,
        long ownerOrganizationId,
        Instant createdAt) {}
