package cn.huinong.web;

import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.MethodBasedRouteInfo;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Input hygiene at the edge, for every route (ADR 11): path variables, query parameters, the headers a route binds,
 * JSON and form bodies are
 * checked before anything is bound, so that no controller, no database and no log sees a NUL or another control
 * character, and every wrong type in a JSON body is named with its field ({@link JsonBodyInspector}). JSON and form
 * bodies larger than {@code huinong.web.max-json-body} are refused with 413. Multipart uploads are left to their own
 * limits and to the modules that read them.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
class InputHygieneFilter implements Ordered {

    private final WebSettings settings;

    InputHygieneFilter(WebSettings settings) {
        this.settings = settings;
    }

    /** On a blocking thread: it may wait for the body to arrive (at most max-json-body). */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    MutableHttpResponse<?> inspect(ServerHttpRequest<?> request) {
        Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
        List<Violation> violations = new ArrayList<>();
        match.ifPresent(m -> m.getVariableValues().forEach((name, value) -> {
            if (value instanceof CharSequence s) {
                check(violations, name, s.toString());
            }
        }));
        if (violations.isEmpty()) {
            check(violations, "path", request.getPath());
        }
        for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
            String problem = TextRules.problem(parameter.getKey(), true);
            if (problem != null) {
                violations.add(new Violation("query", "参数名" + problem));
                continue;
            }
            for (String value : parameter.getValue()) {
                if (check(violations, parameter.getKey(), value)) {
                    break;
                }
            }
        }
        match.ifPresent(m -> boundHeaders(m).forEach(name -> {
            for (String value : request.getHeaders().getAll(name)) {
                if (check(violations, name, value)) {
                    break;
                }
            }
        }));
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        if (match.isEmpty() || !HttpMethod.permitsRequestBody(request.getMethod())) {
            return null;
        }
        MediaType type = request.getContentType().orElse(null);
        boolean form = type != null && type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        boolean json = type == null
                || type.getSubtype().equals("json")
                || type.getSubtype().endsWith("+json");
        if (!form && !json) {
            return null;
        }
        long declared = request.getContentLength();
        if (declared == 0) {
            return null;
        }
        if (declared > settings.maxJsonBody()) {
            return tooLarge();
        }
        Argument<?> bodyType = match.get()
                .getRouteInfo()
                .getBodyArgument()
                .filter(a -> !isRaw(a.getType()))
                .orElse(null);
        try {
            return inspectBody(
                    request.byteBody()
                            .split(ByteBody.SplitBackpressureMode.FASTEST)
                            .buffer()
                            .get(),
                    form,
                    bodyType);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            // the body could not be read (e.g. over the server's own limit): the framework answers for it
            return null;
        }
    }

    @Nullable
    private MutableHttpResponse<?> inspectBody(
            CloseableAvailableByteBody body, boolean form, @Nullable Argument<?> bodyType) {
        try (body) {
            if (body.length() > settings.maxJsonBody()) {
                return tooLarge();
            }
            byte[] bytes = body.toByteArray();
            if (form) {
                List<Violation> violations = new ArrayList<>();
                formFields(bytes).forEach((name, value) -> check(violations, name, value));
                return violations.isEmpty() ? null : invalid(violations);
            }
            JsonBodyInspector.Finding finding = JsonBodyInspector.inspect(bytes, bodyType);
            if (finding.unreadable() != null) {
                return Problems.response(
                        HttpStatus.BAD_REQUEST,
                        Problems.body(
                                Problems.typeFor(400),
                                Problems.titleFor(400),
                                400,
                                finding.unreadable(),
                                List.of(),
                                Map.of()));
            }
            return finding.violations().isEmpty() ? null : invalid(finding.violations());
        }
    }

    /** A body the route takes as it came (the gateway's signed webhook): any JSON, only its text is checked. */
    private static boolean isRaw(Class<?> type) {
        return CharSequence.class.isAssignableFrom(type) || type == byte[].class;
    }

    /** The request headers the route binds to arguments ({@code @Header("Idempotency-Key")}): input like any other. */
    private static List<String> boundHeaders(RouteMatch<?> match) {
        if (!(match.getRouteInfo() instanceof MethodBasedRouteInfo<?, ?> info)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Argument<?> a : info.getTargetMethod().getArguments()) {
            if (a.getAnnotationMetadata().hasAnnotation(Header.class)) {
                names.add(Arguments.fieldOf(a));
            }
        }
        return names;
    }

    /** Adds a violation when {@code value} breaks the single-line text rules; true when it did. */
    private static boolean check(List<Violation> violations, String field, String value) {
        String problem = TextRules.problem(value, true);
        if (problem != null) {
            violations.add(new Violation(field, problem));
            return true;
        }
        return false;
    }

    private static Map<String, String> formFields(byte[] bytes) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.merge(name, value, (a, b) -> TextRules.problem(a, true) != null ? a : b);
            } catch (IllegalArgumentException e) {
                // not decodable: the binding refuses it in its own words
            }
        }
        return fields;
    }

    static MutableHttpResponse<?> invalid(List<Violation> violations) {
        Violation first = violations.get(0);
        String detail = violations.size() == 1
                ? (first.message().contains("“" + first.field() + "”")
                        ? first.message()
                        : "字段“" + first.field() + "”" + first.message())
                : "有" + violations.size() + "项输入不符合要求";
        return Problems.response(
                HttpStatus.BAD_REQUEST,
                Problems.body(Problems.typeFor(400), Problems.titleFor(400), 400, detail, violations, Map.of()));
    }

    private MutableHttpResponse<?> tooLarge() {
        return Problems.response(
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                Problems.body(
                        Problems.typeFor(413),
                        Problems.titleFor(413),
                        413,
                        "请求体超过" + settings.maxJsonBodyText() + "的上限（JSON 和表单请求）",
                        List.of(),
                        Map.of("maxBytes", settings.maxJsonBody())));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
