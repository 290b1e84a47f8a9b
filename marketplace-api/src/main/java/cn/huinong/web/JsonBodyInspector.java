package cn.huinong.web;

import cn.huinong.shared.problem.Violation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a JSON request body once before it is bound, next to the type it will be bound to, and names every field
 * that cannot be bound as sent: control characters in any string or field name ({@link TextRules}), a wrong JSON
 * type (text for a number, 1.5 for an integer, "yes" for a boolean), a number out of its type's range, a value that
 * is not one of an enum's constants, an unparsable date or time, an unknown field. Messages are Chinese and name no
 * Java type, so that what the framework would answer (type names, parser internals) is never reached for these.
 * Parts whose type it does not know (Map of Object, raw String bodies) are only checked for control characters;
 * it never accepts what the binding would refuse, it only explains it first. Scalars are judged by {@link JsonScalars}.
 */
final class JsonBodyInspector {

    /** Deeper than any request of this API; refuses documents built to exhaust the parser's stack. */
    static final int MAX_DEPTH = 32;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(400)
                    .build())
            .build();
    private static final Map<Class<?>, Map<String, Argument<?>>> PROPERTIES = new ConcurrentHashMap<>();

    /** What the inspection found: a document that is not JSON at all, or the fields that cannot be bound. */
    record Finding(@Nullable String unreadable, List<Violation> violations) {

        boolean clean() {
            return unreadable == null && violations.isEmpty();
        }
    }

    private final JsonParser p;
    private final List<Violation> violations = new ArrayList<>();

    private JsonBodyInspector(JsonParser parser) {
        this.p = parser;
    }

    /** Inspects {@code body} as the JSON form of {@code type} (null: any JSON). */
    static Finding inspect(byte[] body, @Nullable Argument<?> type) {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonBodyInspector inspector = new JsonBodyInspector(parser);
            if (parser.nextToken() == null) {
                return new Finding(null, List.of());
            }
            inspector.value(type, "");
            if (parser.nextToken() != null) {
                return new Finding(unreadable(parser.currentLocation()), List.of());
            }
            return new Finding(null, List.copyOf(inspector.violations));
        } catch (StreamConstraintsException e) {
            return new Finding("请求体的JSON嵌套过深或数字过长（嵌套不超过" + MAX_DEPTH + "层）", List.of());
        } catch (JsonProcessingException e) {
            return new Finding(unreadable(e.getLocation()), List.of());
        } catch (IOException e) {
            return new Finding("请求体无法读取", List.of());
        }
    }

    private static String unreadable(@Nullable JsonLocation at) {
        return "请求体不是有效的JSON"
                + (at == null || at.getLineNr() < 0 ? "" : "（第" + at.getLineNr() + "行第" + at.getColumnNr() + "列）");
    }

    private void add(String path, String message) {
        violations.add(new Violation(path.isEmpty() ? "body" : path, message));
    }

    /** The current token starts a value that should be a {@code type} (null: anything). */
    private void value(@Nullable Argument<?> type, String path) throws IOException {
        while (type != null && type.getType() == Optional.class) {
            type = type.getFirstTypeVariable().orElse(null);
        }
        JsonToken t = p.currentToken();
        Class<?> c = type == null ? null : type.getType();
        if (t == JsonToken.VALUE_NULL) {
            if (c != null && c.isPrimitive()) {
                add(path, "不能为空");
            }
            return;
        }
        if (c == null || c == Object.class || c == byte[].class) {
            any(path);
        } else if (c == String.class || c == CharSequence.class) {
            text(path, "应为文本");
        } else if (JsonScalars.judges(c)) {
            JsonScalars.Problem problem = JsonScalars.check(p, c);
            if (problem != null && problem.wrongKind()) {
                mismatch(path, problem.message());
            } else if (problem != null) {
                add(path, problem.message());
            }
        } else if (Collection.class.isAssignableFrom(c) || c.isArray()) {
            array(
                    c.isArray()
                            ? Argument.of(c.getComponentType())
                            : type.getFirstTypeVariable().orElse(null),
                    path);
        } else if (Map.class.isAssignableFrom(c)) {
            map(type.getTypeParameters().length == 2 ? type.getTypeParameters()[1] : null, path);
        } else {
            Map<String, Argument<?>> properties = propertiesOf(c);
            if (properties == null) {
                any(path);
            } else {
                object(properties, path);
            }
        }
    }

    private void mismatch(String path, String message) throws IOException {
        add(path, message);
        p.skipChildren();
    }

    private void text(String path, String mismatch) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            checkText(p.getText(), path);
        } else if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            mismatch(path, mismatch);
        }
    }

    private void checkText(String s, String path) {
        String problem = TextRules.problem(s, false);
        if (problem != null) {
            add(path, problem);
        }
    }

    private void array(@Nullable Argument<?> element, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            mismatch(path, "应为数组");
            return;
        }
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String at = path + "[" + i++ + "]";
            if (p.currentToken() == JsonToken.VALUE_NULL && element != null && element.getType() != Object.class) {
                add(at, "不能为空"); // a list of ids, lines or links never holds a gap
            } else {
                value(element, at);
            }
        }
    }

    private void map(@Nullable Argument<?> valueType, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            mismatch(path, "应为对象");
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String child = field(path);
            p.nextToken();
            value(valueType, child);
        }
    }

    private void object(Map<String, Argument<?>> properties, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            mismatch(path, "应为对象");
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String child = field(path);
            p.nextToken();
            Argument<?> type = properties.get(name);
            if (type == null) {
                if (TextRules.problem(name, true) == null) {
                    add(child, "不支持的字段“" + name + "”");
                }
                p.skipChildren();
            } else {
                value(type, child);
            }
        }
    }

    /** The path of the current field; a field name with control characters is itself a violation. */
    private String field(String path) throws IOException {
        String name = p.currentName();
        String problem = TextRules.problem(name, true);
        if (problem != null) {
            add(path, "字段名" + problem);
            return path + "[?]";
        }
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Any JSON: only its text is checked. */
    private void any(String path) throws IOException {
        switch (p.currentToken()) {
            case VALUE_STRING -> checkText(p.getText(), path);
            case START_ARRAY -> array(null, path);
            case START_OBJECT -> map(null, path);
            default -> {}
        }
    }

    /** The JSON properties of an introspected type (records: their components), or null when it is not one. */
    @Nullable
    private static Map<String, Argument<?>> propertiesOf(Class<?> c) {
        Map<String, Argument<?>> known = PROPERTIES.computeIfAbsent(c, type -> {
            Optional<? extends BeanIntrospection<?>> found = BeanIntrospector.SHARED.findIntrospection(type);
            if (found.isEmpty()) {
                return Map.of();
            }
            Map<String, Argument<?>> properties = new LinkedHashMap<>();
            for (Argument<?> a : found.get().getConstructorArguments()) {
                properties.put(a.getName(), a);
            }
            for (BeanProperty<?, ?> property : found.get().getBeanProperties()) {
                properties.putIfAbsent(property.getName(), property.asArgument());
            }
            return properties;
        });
        return known.isEmpty() ? null : known;
    }
}
