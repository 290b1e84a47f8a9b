package cn.huinong.identity.web;

import cn.huinong.identity.Decision;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code adminUsername}: only to approve a self-registration whose requested admin username was taken
 * ({@code pendingAdminUsername} on the organisation): the username the applicant will sign in with.
 */
@Serdeable
record DecisionRequest(
        @NotNull(message = "请选择审核结论（APPROVE 或 REJECT）") Decision decision,
        @Nullable @Size(max = 500, message = "原因不超过500字") String reason,
        @Nullable @Size(max = 32, message = "用户名过长") String adminUsername) {}
