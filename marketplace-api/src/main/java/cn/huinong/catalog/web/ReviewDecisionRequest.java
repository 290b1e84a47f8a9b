package cn.huinong.catalog.web;

import cn.huinong.catalog.ReviewDecision;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
record ReviewDecisionRequest(
        @NotNull(message = "请选择审核结论（APPROVE 或 REJECT）") ReviewDecision decision,
        @Nullable @Size(max = 500, message = "原因不超过500字") String reason) {}
