package cn.huinong.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record BrandView(long id, String name, BrandKind kind, @Nullable String regionCode, @Nullable String regionName,
                        boolean inNationalCatalogue, long ownerOrganizationId, Instant createdAt) {
}
