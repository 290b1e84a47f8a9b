package cn.huinong.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error the framework itself raises (no route, wrong method, unauthenticated, forbidden,
 * unreadable body) also leaves as application/problem+json with a Chinese title. No stack traces.
 */
@Singleton
@Primary
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    @NonNull
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Map<String, Object>> processResponse(
            @NonNull ErrorContext context, @NonNull MutableHttpResponse<?> base) {
        int status = base.code();
        String detail = detailFor(status, context);
        Map<String, Object> body =
                Problems.body(Problems.typeFor(status), Problems.titleFor(status), status, detail, List.of(), Map.of());
        return ((MutableHttpResponse<Map<String, Object>>) base).body(body).contentType(Problems.PROBLEM_JSON);
    }

    private static final java.util.regex.Pattern LOCATION =
            java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)");

    /** Parser messages carry noise (source redaction notes); keep what helps the caller. */
    static String readable(String message) {
        if (message.startsWith("Invalid JSON")) {
            java.util.regex.Matcher m = LOCATION.matcher(message);
            return "请求体不是有效的JSON" + (m.find() ? "（第" + m.group(1) + "行第" + m.group(2) + "列）" : "");
        }
        java.util.regex.Matcher unknown =
                java.util.regex.Pattern.compile("Unknown property \\[(\\w+)]").matcher(message);
        if (unknown.find()) {
            return "不支持的字段“" + unknown.group(1) + "”";
        }
        java.util.regex.Matcher choice = java.util.regex.Pattern.compile(
                        "Expected one of \\[([^\\]]*)] but was '([^']*)'")
                .matcher(message);
        if (choice.find()) {
            return "取值“" + choice.group(2) + "”无效，应为以下之一：" + choice.group(1);
        }
        if (message.equals("Bad Request")) {
            return "请求行或请求头的格式不正确";
        }
        if (INTERNALS.matcher(message).find()) {
            return "请求内容的格式与接口要求不符";
        }
        int cut = message.indexOf("\n at [Source");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    /** Framework and library wording that must not reach a caller: Java types, packages, parser internals. */
    private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|io\\.micronaut|cn\\.huinong|com\\.fasterxml|class |Exception|`|\\[Source|"
                    + "Failed to convert|Cannot deserialize|Unexpected token|Error decoding|Required [A-Z]\\w* \\[|"
                    + "Unable to coerce|out of range of|For input string");

    private static String detailFor(int status, ErrorContext context) {
        if (status >= 500) {
            return "服务器处理请求时出错，请稍后重试";
        }
        String messages = context.getErrors().stream()
                .map(Error::getMessage)
                .filter(m -> m != null && !m.isBlank())
                .map(ProblemErrorResponseProcessor::readable)
                .collect(Collectors.joining("; "));
        String prefix = switch (status) {
            case 400 -> "请求无法解析";
            case 401 -> "请先登录";
            case 403 -> "当前账号无权访问该资源";
            case 404 -> "请求的资源不存在";
            case 405 -> "该地址不支持此请求方法";
            case 413 -> "上传内容超过大小限制";
            case 415 -> "请求的内容类型不受支持";
            default -> Problems.titleFor(status);
        };
        return status == 400 && !messages.isEmpty() ? prefix + "：" + messages : prefix;
    }
}
