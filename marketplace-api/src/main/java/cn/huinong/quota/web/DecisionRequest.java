package cn.huinong.quota.web;

import cn.huinong.identity.Decision;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
record DecisionRequest(
        @NotNull(message = "请选择审核结论（APPROVE 或 REJECT）") Decision decision,
        @Nullable @Size(max = 500, message = "原因不超过500字") String reason) {}
