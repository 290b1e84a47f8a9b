package cn.huinong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.shared.problem.ProblemKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Integrators read docs/problems.md to tell one failure from another: every problem type the code can answer
 * with (a specific exception's {@code SLUG}, a kind of {@link ProblemKind}, a URN written in the web layer) is
 * listed there.
 */
class ProblemCatalogTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/huinong");
    private static final Path CATALOG = Path.of("../docs/problems.md");
    private static final Pattern SLUG = Pattern.compile("String SLUG = \"([a-z][a-z0-9-]*)\"");
    private static final Pattern SUPER = Pattern.compile("super\\((?:ProblemKind\\.[A-Z_]+, )?\"([a-z][a-z0-9-]*)\"");
    private static final Pattern URN = Pattern.compile("urn:huinong:problem:([a-z][a-z0-9-]*)");

    @Test
    void everyProblemTypeInTheCodeIsListedInTheCatalog() throws IOException {
        Set<String> used = slugsInSources();
        for (ProblemKind kind : ProblemKind.values()) {
            used.add(kind.type().substring("urn:huinong:problem:".length()));
        }
        String catalog = Files.readString(CATALOG, StandardCharsets.UTF_8);
        Set<String> missing = new TreeSet<>();
        for (String slug : used) {
            if (!catalog.contains("`urn:huinong:problem:" + slug + "`")) {
                missing.add(slug);
            }
        }
        assertEquals(Set.of(), missing, "problem types used in code but missing from docs/problems.md");
    }

    @Test
    void theScanFindsTheSpecificTypes() throws IOException {
        Set<String> used = slugsInSources();
        assertTrue(
                used.containsAll(List.of(
                        "plan-below-floor",
                        "duplicate-credit-code",
                        "username-taken",
                        "invalid-credentials",
                        "organization-not-approved",
                        "method-not-allowed")),
                used.toString());
    }

    private static Set<String> slugsInSources() throws IOException {
        Set<String> slugs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                for (Pattern p : List.of(SLUG, SUPER, URN)) {
                    Matcher m = p.matcher(src);
                    while (m.find()) {
                        slugs.add(m.group(1));
                    }
                }
            }
        }
        return slugs;
    }
}
