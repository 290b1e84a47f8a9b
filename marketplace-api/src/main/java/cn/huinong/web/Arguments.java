package cn.huinong.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a controller argument is named to the caller, and what a value of its type looks like, in Chinese. */
final class Arguments {

    private Arguments() {}

    static boolean isBody(Argument<?> a) {
        return a.getAnnotationMetadata().hasAnnotation(Body.class);
    }

    /** The name the caller used: the query parameter, header or path variable name, else the argument's. */
    static String fieldOf(Argument<?> a) {
        if (isBody(a)) {
            return "body";
        }
        for (Class<? extends java.lang.annotation.Annotation> binding :
                java.util.List.of(QueryValue.class, PathVariable.class, Header.class, Part.class)) {
            Optional<String> name =
                    a.getAnnotationMetadata().stringValue(binding).filter(s -> !s.isBlank());
            if (name.isPresent()) {
                return name.get();
            }
        }
        return a.getName();
    }

    /** What is wrong with {@code value} for an argument of type {@code a}. */
    static String expectation(Argument<?> a, Object value) {
        Class<?> c = a.getType();
        if (c == Optional.class) {
            c = a.getFirstTypeVariable().<Class<?>>map(Argument::getType).orElse(Object.class);
        }
        String text = value == null ? "" : String.valueOf(value).trim();
        if (c == Long.class
                || c == long.class
                || c == Integer.class
                || c == int.class
                || c == Short.class
                || c == short.class
                || c == BigInteger.class) {
            return text.matches("[-+]?\\d+") ? "数值超出范围" : "应为整数";
        }
        if (c == BigDecimal.class || c == Double.class || c == double.class || c == Float.class || c == float.class) {
            return "应为数字";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "应为 true 或 false";
        }
        if (c.isEnum()) {
            return "取值无效，应为以下之一："
                    + Arrays.stream(c.getEnumConstants())
                            .map(e -> ((Enum<?>) e).name())
                            .collect(Collectors.joining("、"));
        }
        if (c == LocalDate.class) {
            return "日期格式应为 YYYY-MM-DD，如 2026-01-31";
        }
        if (c == Instant.class) {
            return "时间格式应为 ISO-8601，如 2026-01-31T08:00:00Z";
        }
        return "格式不正确";
    }
}
