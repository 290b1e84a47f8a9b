package cn.huinong.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the current JSON value must look like to bind to a Java scalar type (numbers with their ranges, booleans,
 * enum constants, dates and times), for {@link JsonBodyInspector}, which walks the structure. Messages are
 * Chinese and name no Java type.
 */
final class JsonScalars {

    /** A value that cannot be bound: the message, and whether it is of another JSON kind (to be skipped whole). */
    record Problem(String message, boolean wrongKind) {

        static Problem wrongKind(String message) {
            return new Problem(message, true);
        }

        static Problem invalid(String message) {
            return new Problem(message, false);
        }
    }

    private static final Set<Class<?>> INTEGERS = Set.of(
            Long.class,
            long.class,
            Integer.class,
            int.class,
            Short.class,
            short.class,
            Byte.class,
            byte.class,
            BigInteger.class);
    private static final Set<Class<?>> DECIMALS =
            Set.of(BigDecimal.class, Double.class, double.class, Float.class, float.class, Number.class);
    private static final Set<Class<?>> TIMES =
            Set.of(LocalDate.class, Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class);

    private JsonScalars() {}

    /** Whether {@code c} is a scalar type this class judges. */
    static boolean judges(Class<?> c) {
        return INTEGERS.contains(c)
                || DECIMALS.contains(c)
                || TIMES.contains(c)
                || c == Boolean.class
                || c == boolean.class
                || c.isEnum();
    }

    /** The problem of the parser's current value as a {@code c} (one that {@link #judges}), or null. */
    @Nullable
    static Problem check(JsonParser p, Class<?> c) throws IOException {
        JsonToken t = p.currentToken();
        if (INTEGERS.contains(c)) {
            return integer(p, c);
        }
        if (DECIMALS.contains(c)) {
            return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                    ? null
                    : Problem.wrongKind("应为数字");
        }
        if (c == Boolean.class || c == boolean.class) {
            return t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE
                    ? null
                    : Problem.wrongKind("应为 true 或 false");
        }
        if (c.isEnum()) {
            return constant(p, c);
        }
        if (c == LocalDate.class) {
            return temporal(p, "日期格式应为 YYYY-MM-DD，如 2026-01-31", false, LocalDate::parse);
        }
        if (c == LocalDateTime.class) {
            return temporal(p, "时间格式应为 YYYY-MM-DDTHH:MM:SS，如 2026-01-31T08:00:00", false, LocalDateTime::parse);
        }
        return temporal(p, "时间格式应为 ISO-8601，如 2026-01-31T08:00:00Z", true, JsonScalars::instant);
    }

    private static Problem integer(JsonParser p, Class<?> c) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            return Problem.wrongKind("应为整数");
        }
        if (c == BigInteger.class) {
            return null;
        }
        BigInteger v = p.getBigIntegerValue();
        long min;
        long max;
        if (c == Long.class || c == long.class) {
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        } else if (c == Integer.class || c == int.class) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else if (c == Short.class || c == short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        } else {
            min = Byte.MIN_VALUE;
            max = Byte.MAX_VALUE;
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            return Problem.invalid("数值超出范围（应在" + min + "到" + max + "之间）");
        }
        return null;
    }

    private static Problem constant(JsonParser p, Class<?> c) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return Problem.wrongKind("应为以下之一：" + names(c));
        }
        String s = p.getText();
        String problem = TextRules.problem(s, true);
        if (problem != null) {
            return Problem.invalid(problem);
        }
        boolean known = Arrays.stream(c.getEnumConstants())
                .anyMatch(e -> ((Enum<?>) e).name().equals(s));
        return known ? null : Problem.invalid("取值“" + TextRules.shorten(s) + "”无效，应为以下之一：" + names(c));
    }

    private static String names(Class<?> c) {
        return Arrays.stream(c.getEnumConstants())
                .map(e -> ((Enum<?>) e).name())
                .collect(Collectors.joining("、"));
    }

    private static Problem temporal(JsonParser p, String message, boolean epochAllowed, Function<String, Object> parse)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && epochAllowed) {
            return null; // epoch numbers are the binding's to judge
        }
        if (t != JsonToken.VALUE_STRING) {
            return Problem.wrongKind(message);
        }
        String s = p.getText();
        String problem = TextRules.problem(s, true);
        if (problem != null) {
            return Problem.invalid(problem);
        }
        try {
            parse.apply(s.trim());
            return null;
        } catch (DateTimeParseException e) {
            return Problem.invalid(message);
        }
    }

    private static Object instant(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return ZonedDateTime.parse(s);
        }
    }
}
