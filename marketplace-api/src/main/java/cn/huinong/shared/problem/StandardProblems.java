package cn.huinong.shared.problem;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** OpenAPI: the problems every authenticated operation may answer (400, 401, 403), as problem+json. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(
        responseCode = "400",
        description = "请求参数有误（invalid-input）",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(
        responseCode = "401",
        description = "未登录或登录已失效（unauthenticated, session-ended）",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(
        responseCode = "403",
        description = "无权执行此操作（forbidden 等，见 docs/problems.md）",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDocument.class)))
public @interface StandardProblems {}
