package cn.huinong.shared.problem;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The shape of every error body (application/problem+json, RFC 9457), for the OpenAPI document only: the body is
 * written by {@link Problems#body}. {@code type} is one of the URNs in docs/problems.md; a type may add members.
 */
@Schema(name = "Problem", description = "application/problem+json (RFC 9457); type 见 docs/problems.md")
public record ProblemDocument(
        @Schema(description = "问题类型 URN，如 urn:huinong:problem:plan-below-floor")
        String type,

        @Schema(description = "问题类别的标题") String title,
        @Schema(description = "HTTP 状态码") int status,
        @Schema(description = "面向用户的说明") String detail,
        @Schema(description = "字段级错误") @Nullable List<Violation> violations) {}
