package cn.huinong.ordering.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

@Serdeable
record CancellationRequest(
        @Nullable @Size(max = 500, message = "取消原因不能超过500字") String reason) {}
