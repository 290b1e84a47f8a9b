package cn.huinong.region;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record DesignatedRegion(
        String code,
        String name,
        String prefectureName,
        String provinceName,
        DesignationKind kind,
        Instant designatedAt) {}
