package cn.huinong.web;

import cn.huinong.shared.problem.Violation;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds application/problem+json responses (RFC 9457) in one shape for the whole API. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Problems() {}

    public static Map<String, Object> body(
            String type,
            String title,
            int status,
            String detail,
            List<Violation> violations,
            Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail == null ? title : detail);
        if (violations != null && !violations.isEmpty()) {
            body.put("violations", violations);
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return body;
    }

    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, Map<String, Object> body) {
        return HttpResponse.<Map<String, Object>>status(status).body(body).contentType(PROBLEM_JSON);
    }

    /** Chinese title for a framework-level status (routing, security, parsing). */
    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "请求参数有误";
            case 401 -> "未登录或登录已失效";
            case 403 -> "无权执行此操作";
            case 404 -> "资源不存在";
            case 405 -> "不支持该请求方法";
            case 406 -> "不支持请求的响应格式";
            case 409 -> "与当前状态冲突";
            case 413 -> "请求体过大";
            case 415 -> "不支持的内容类型";
            case 422 -> "不符合业务规则";
            case 429 -> "请求过于频繁";
            case 503 -> "服务暂不可用";
            default -> status >= 500 ? "服务器内部错误" : "请求失败";
        };
    }

    public static String typeFor(int status) {
        return switch (status) {
            case 400 -> "urn:huinong:problem:invalid-input";
            case 401 -> "urn:huinong:problem:unauthenticated";
            case 403 -> "urn:huinong:problem:forbidden";
            case 404 -> "urn:huinong:problem:not-found";
            case 405 -> "urn:huinong:problem:method-not-allowed";
            case 409 -> "urn:huinong:problem:conflict";
            case 413 -> "urn:huinong:problem:payload-too-large";
            case 415 -> "urn:huinong:problem:unsupported-media-type";
            case 429 -> "urn:huinong:problem:rate-limited";
            default -> status >= 500 ? "urn:huinong:problem:internal" : "about:blank";
        };
    }
}
