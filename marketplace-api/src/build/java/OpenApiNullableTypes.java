import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Build step (process-classes, see marketplace-api/pom.xml): gives every nullable reference in the generated
 * OpenAPI 3.0 document the {@code type} that OpenAPI 3.0 requires next to {@code nullable}.
 *
 * <p>micronaut-openapi writes a {@code @Nullable} property or parameter whose type is a schema of its own as
 * {@code {nullable: true, allOf: [{$ref: X}]}}. OpenAPI 3.0 ignores {@code nullable} without a sibling
 * {@code type} (Redocly's {@code nullable-type-sibling}); the fix is the referenced schema's own type
 * ({@code object} for records, {@code string} for enums), which does not change what the schema admits. Asking
 * for it with {@code @Schema(type = ...)} on each property makes micronaut-openapi add a second, empty
 * {@code allOf} member instead, and OpenAPI 3.1 mode (where nullable is a {@code "null"} type) adds
 * {@code object} to every nullable property's types; see ADR 17. Run as a single-file program:
 * {@code java -cp <runtime classpath> OpenApiNullableTypes.java <document.yml>...}.
 */
public final class OpenApiNullableTypes {

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: OpenApiNullableTypes <openapi.yml>...");
        }
        for (String arg : args) {
            Path file = Path.of(arg);
            Yaml yaml = new Yaml(new LoaderOptions());
            @SuppressWarnings("unchecked")
            Map<String, Object> document = yaml.load(Files.readString(file, StandardCharsets.UTF_8));
            int fixed = fix(document, schemas(document));
            DumperOptions out = new DumperOptions();
            out.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            out.setIndent(2);
            out.setIndicatorIndent(0);
            out.setWidth(Integer.MAX_VALUE);
            out.setSplitLines(false);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new Yaml(out).dump(document, w);
            }
            System.out.println("OpenApiNullableTypes: " + file.getFileName() + ": " + fixed
                    + " nullable references given their type");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemas(Map<String, Object> document) {
        Object components = document.get("components");
        if (components instanceof Map<?, ?> c && c.get("schemas") instanceof Map<?, ?> s) {
            return (Map<String, Object>) s;
        }
        return Map.of();
    }

    /** Walks the document; returns how many schemas it gave a type. */
    @SuppressWarnings("unchecked")
    private static int fix(Object node, Map<String, Object> schemas) {
        int fixed = 0;
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            for (Map.Entry<String, Object> e : m.entrySet()) {
                Object value = e.getValue();
                if (value instanceof Map<?, ?> child && needsType((Map<String, Object>) child)) {
                    String type = typeOf(refOf((Map<String, Object>) child), schemas);
                    if (type != null) {
                        e.setValue(withTypeFirst((Map<String, Object>) child, type));
                        fixed++;
                    }
                }
                fixed += fix(e.getValue(), schemas);
            }
        } else if (node instanceof List<?> list) {
            List<Object> l = (List<Object>) list;
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Map<?, ?> child && needsType((Map<String, Object>) child)) {
                    String type = typeOf(refOf((Map<String, Object>) child), schemas);
                    if (type != null) {
                        l.set(i, withTypeFirst((Map<String, Object>) child, type));
                        fixed++;
                    }
                }
                fixed += fix(l.get(i), schemas);
            }
        }
        return fixed;
    }

    private static boolean needsType(Map<String, Object> schema) {
        return Boolean.TRUE.equals(schema.get("nullable")) && !schema.containsKey("type") && refOf(schema) != null;
    }

    /** The one {@code $ref} of {@code allOf: [{$ref}]}, or null. */
    private static String refOf(Map<String, Object> schema) {
        if (schema.get("allOf") instanceof List<?> allOf
                && allOf.size() == 1
                && allOf.get(0) instanceof Map<?, ?> only
                && only.size() == 1
                && only.get("$ref") instanceof String ref) {
            return ref;
        }
        return null;
    }

    private static String typeOf(String ref, Map<String, Object> schemas) {
        String prefix = "#/components/schemas/";
        if (ref == null || !ref.startsWith(prefix)) {
            return null;
        }
        if (!(schemas.get(ref.substring(prefix.length())) instanceof Map<?, ?> target)) {
            throw new IllegalStateException("unresolved reference " + ref);
        }
        if (target.get("type") instanceof String type) {
            return type;
        }
        return target.containsKey("properties") || target.containsKey("allOf") ? "object" : null;
    }

    private static Map<String, Object> withTypeFirst(Map<String, Object> schema, String type) {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("type", type);
        copy.putAll(schema);
        return copy;
    }
}
