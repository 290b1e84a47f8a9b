package cn.huinong.region;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record RegionView(
        String code,
        String name,
        RegionLevel level,
        String parentCode,
        boolean povertyAlleviated,
        boolean keyAssistance) {}
