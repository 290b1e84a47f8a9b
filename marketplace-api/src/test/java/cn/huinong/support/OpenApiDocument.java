package cn.huinong.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The served OpenAPI document, read as the hostile tests need it: every operation with its parameters and its
 * request body schema ($ref resolved), and plausible values for a schema (the shape a client would send).
 */
public final class OpenApiDocument {

    public record Parameter(String name, String in, boolean required, Map<String, Object> schema) {}

    public record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            String bodyMediaType,
            Map<String, Object> bodySchema) {

        public boolean hasJsonBody() {
            return bodyMediaType != null && bodyMediaType.contains("json");
        }

        public boolean hasMultipartBody() {
            return "multipart/form-data".equals(bodyMediaType);
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> schemas;
    private final List<Operation> operations = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public OpenApiDocument(String yaml) {
        Map<String, Object> doc = new Yaml().load(yaml);
        Map<String, Object> components = (Map<String, Object>) doc.getOrDefault("components", Map.of());
        this.schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            Map<String, Object> o = (Map<String, Object>) op;
            List<Parameter> parameters = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) o.getOrDefault("parameters", List.of())) {
                parameters.add(new Parameter(
                        (String) p.get("name"),
                        (String) p.get("in"),
                        Boolean.TRUE.equals(p.get("required")),
                        resolve((Map<String, Object>) p.getOrDefault("schema", Map.of()))));
            }
            String media = null;
            Map<String, Object> body = null;
            Map<String, Object> content = (Map<String, Object>)
                    ((Map<String, Object>) o.getOrDefault("requestBody", Map.of())).getOrDefault("content", Map.of());
            for (String type : List.of("application/json", "multipart/form-data")) {
                if (content.containsKey(type)) {
                    media = type;
                    body = resolve((Map<String, Object>)
                            ((Map<String, Object>) content.get(type)).getOrDefault("schema", Map.of()));
                    break;
                }
            }
            operations.add(new Operation(method.toUpperCase(), path, parameters, media, body));
        }));
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The schema itself, its $ref followed (and the first of allOf/oneOf/anyOf). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> s = schema;
        for (int i = 0; i < 10 && s != null; i++) {
            if (s.get("$ref") instanceof String ref) {
                s = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (s.get("allOf") instanceof List<?> all && !all.isEmpty()) {
                s = (Map<String, Object>) all.get(0);
            } else if (s.get("oneOf") instanceof List<?> one && !one.isEmpty()) {
                s = (Map<String, Object>) one.get(0);
            } else if (s.get("anyOf") instanceof List<?> any && !any.isEmpty()) {
                s = (Map<String, Object>) any.get(0);
            } else {
                return s;
            }
        }
        return s == null ? Map.of() : s;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        ((Map<String, Object>) resolve(schema).getOrDefault("properties", Map.of()))
                .forEach((name, s) -> out.put(name, resolve((Map<String, Object>) s)));
        return out;
    }

    public static String type(Map<String, Object> schema) {
        Object t = schema.get("type");
        if (t instanceof List<?> types) {
            return types.stream()
                    .map(String::valueOf)
                    .filter(x -> !x.equals("null"))
                    .findFirst()
                    .orElse("string");
        }
        if (t == null && schema.containsKey("properties")) {
            return "object";
        }
        return t == null ? "" : String.valueOf(t);
    }

    /** A value a well-behaved client could send for {@code name} of this schema. */
    @SuppressWarnings("unchecked")
    public Object plausible(String name, Map<String, Object> schema, int depth) {
        Map<String, Object> s = resolve(schema);
        if (s.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String lower = name == null ? "" : name.toLowerCase();
        return switch (type(s)) {
            case "integer" -> lower.equals("year") || lower.endsWith("year") ? 2030 : 1;
            case "number" -> 1;
            case "boolean" -> true;
            case "array" ->
                depth > 3
                        ? List.of()
                        : List.of(plausible(name, (Map<String, Object>) s.getOrDefault("items", Map.of()), depth + 1));
            case "object" -> {
                Map<String, Object> body = new LinkedHashMap<>();
                if (depth <= 3) {
                    properties(s).forEach((n, p) -> body.put(n, plausible(n, p, depth + 1)));
                }
                yield body;
            }
            default -> {
                String format = String.valueOf(s.get("format"));
                if (format.equals("date")) {
                    yield "2026-01-01";
                }
                if (format.equals("date-time")) {
                    yield "2026-01-01T00:00:00Z";
                }
                if (lower.contains("region")
                        || lower.equals("province")
                        || lower.equals("county")
                        || lower.equals("code")
                        || lower.equals("region")) {
                    yield "520102";
                }
                yield "测试";
            }
        };
    }
}
