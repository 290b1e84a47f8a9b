package cn.huinong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.architecture.SqlContracts;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Modules are the top-level packages under cn.huinong. Their root package is their API; their
 * {@code internal} and {@code web} subpackages are private. Dependencies between modules never form a cycle and
 * follow {@link #ALLOWED}. In SQL too (ADR 15): a module names only the tables and views its migrations create, plus
 * the read models other modules publish ({@link #PUBLISHED}), read only. The checks run on planted violations
 * ({@code cn.huinong.architecture.fixtures}) as well, where they must fail.
 */
class ArchitectureTest {

    /**
     * Which module may use which module's API (and its published read models). Add a module here only on purpose:
     * the arrows point down, from the modules that decide to the reference data and infrastructure below them.
     */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("shared", Set.of()),
            Map.entry("web", Set.of("shared")),
            Map.entry("indexer", Set.of()),
            Map.entry("audit", Set.of("shared")),
            Map.entry("region", Set.of("shared", "audit")),
            Map.entry("identity", Set.of("shared", "audit", "region")),
            Map.entry("files", Set.of("shared", "audit")),
            Map.entry("catalog", Set.of("shared", "audit", "identity", "region", "indexer")),
            Map.entry("search", Set.of("shared", "audit", "catalog", "indexer")),
            Map.entry("ordering", Set.of("shared", "audit", "identity", "region", "catalog")),
            Map.entry("payments", Set.of("shared", "audit", "identity", "files", "ordering")),
            Map.entry("quota", Set.of("shared", "audit", "identity", "region", "ordering")),
            Map.entry("monitoring", Set.of("shared", "audit", "identity", "region", "catalog", "ordering", "quota")),
            Map.entry(
                    "demo",
                    Set.of(
                            "shared",
                            "audit",
                            "identity",
                            "region",
                            "files",
                            "catalog",
                            "search",
                            "ordering",
                            "payments",
                            "quota",
                            "monitoring")));

    /**
     * The read models modules publish for others' SQL (owner from the migrations; documented in docs/architecture.md
     * and ADR 15). Everything else a module creates is private to it.
     */
    static final Set<String> PUBLISHED = Set.of(
            "organization_directory", // identity: organisations with kind, region, status, supervising department
            "region_directory", // region: the GB/T 2260 tree
            "catalog_product_directory", // catalog: products as they are now, with their category's name
            "product_search_document", // catalog: the search document (search's PostgreSQL fallback, the indexer)
            "order_payment_facts", // ordering: paid orders and their money
            "order_sales_facts", // ordering: the lines of paid orders with their snapshot
            "order_event_outbox"); // ordering: the event stream (consumers keep their own position)

    /**
     * Reads of published read models in SQL only, by a module that may not use the owner's API (the arrow would point
     * up, a cycle in {@link #ALLOWED}): the Java rules stay as {@link #ALLOWED} says. One entry: catalog keeps
     * {@code product.sales_count} from ordering's {@code order_event_outbox} and {@code order_sales_facts}
     * (catalog.internal.SalesCounts, ADR 15), while ordering uses catalog's API. Add one only on purpose.
     */
    static final Map<String, Set<String>> SQL_READS = Map.of("catalog", Set.of("ordering"));

    /** {@link #ALLOWED} plus {@link #SQL_READS}: whose published read models a module's SQL may read. */
    static Map<String, Set<String>> sqlAllowed() {
        Map<String, Set<String>> all = new java.util.HashMap<>();
        ALLOWED.forEach((module, uses) -> all.put(module, new TreeSet<>(uses)));
        SQL_READS.forEach((module, reads) -> all.get(module).addAll(reads));
        return all;
    }

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    static final List<String> MODULES = List.of(
            "audit",
            "region",
            "identity",
            "catalog",
            "search",
            "ordering",
            "files",
            "payments",
            "quota",
            "monitoring",
            "demo");
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.huinong");
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching("cn.huinong.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void modulesStayOutOfEachOthersInternals() {
        for (String module : MODULES) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("cn.huinong." + module + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("cn.huinong." + module + ".internal..", "cn.huinong." + module + ".web..")
                    .because(module + "'s internal and web packages are private to it")
                    .check(classes);
        }
    }

    @Test
    void aModulesApiDoesNotDependOnItsWebOrInternalPackages() {
        for (String module : MODULES) {
            noClasses()
                    .that()
                    .resideInAPackage("cn.huinong." + module)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("cn.huinong." + module + ".web..", "cn.huinong." + module + ".internal..")
                    .because(module + "'s API (its root package) is what other modules compile against: the records"
                            + " it speaks in live there, not in its web adapter or its internals")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void sharedDependsOnNoModule() {
        noClasses()
                .that()
                .resideInAPackage("cn.huinong.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        MODULES.stream().map(m -> "cn.huinong." + m + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void controllersLiveInWebPackagesAndAreNotPublic() {
        noClasses()
                .that()
                .areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
                .and()
                .resideOutsideOfPackage("cn.huinong.web")
                .should()
                .resideOutsideOfPackage("..web..")
                .orShould()
                .bePublic()
                .check(classes);
    }

    @Test
    void modulesUseOnlyTheModulesTheyAreAllowedTo() {
        dependencyRules("cn.huinong", classes);
    }

    @Test
    void forbiddenDependenciesAreCaughtInEveryModule() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("cn.huinong.architecture.fixtures");
        AssertionError e =
                assertThrows(AssertionError.class, () -> dependencyRules("cn.huinong.architecture.fixtures", fixtures));
        assertTrue(e.getMessage().contains("PlantedForbiddenDependency"), e.getMessage());
        assertTrue(
                e.getMessage().contains("PlantedUpwardDependency"),
                "every failing module is reported: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("2 module(s)"), e.getMessage());
    }

    @Test
    void everyModuleIsInTheDependencyMap() {
        Set<String> found = classes.stream()
                .map(c -> c.getPackageName())
                .filter(p -> p.startsWith("cn.huinong."))
                .map(p -> p.substring("cn.huinong.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        found.removeAll(ALLOWED.keySet());
        assertEquals(Set.of(), found, "modules missing from ArchitectureTest.ALLOWED");
    }

    @Test
    void moduleSqlNamesOnlyItsOwnTablesAndPublishedReadModels() {
        Map<String, String> owners = SqlContracts.owners(MIGRATIONS);
        for (String view : PUBLISHED) {
            assertTrue(owners.containsKey(view), view + " is listed as published but no migration creates it");
        }
        List<SqlContracts.Violation> violations =
                SqlContracts.check(Path.of("src/main/java/cn/huinong"), owners, PUBLISHED, sqlAllowed());
        assertEquals(
                List.of(),
                violations.stream().map(Object::toString).toList(),
                "SQL naming another module's private table (use its API or a read model it publishes, ADR 15)");
    }

    @Test
    void aPlantedCrossModuleSqlReadIsCaught() {
        Map<String, String> owners = SqlContracts.owners(MIGRATIONS);
        List<String> found = SqlContracts.check(
                        Path.of("src/test/java/cn/huinong/architecture/fixtures"), owners, PUBLISHED, sqlAllowed())
                .stream()
                .map(Object::toString)
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "monitoring/PlantedJoin.java: module monitoring reads catalog's product",
                        "monitoring/PlantedJoin.java: module monitoring reads ordering's order_line",
                        "monitoring/PlantedJoin.java: module monitoring reads quota's quota_ledger",
                        "quota/PlantedCrossModuleRead.java: module quota reads identity's organization",
                        "quota/PlantedCrossModuleRead.java: module quota writes ordering's order_event_outbox"),
                found);
    }

    @Test
    void sqlOnlyReadsAreOfPublishedReadModelsOfModulesNotAlreadyAllowed() {
        SQL_READS.forEach((module, reads) -> {
            assertTrue(ALLOWED.containsKey(module), module);
            for (String owner : reads) {
                assertTrue(ALLOWED.containsKey(owner), owner);
                assertTrue(
                        !ALLOWED.get(module).contains(owner), module + " already uses " + owner + ": no entry needed");
            }
        });
    }

    @Test
    void tablesAreOwnedByTheModuleWhoseMigrationCreatesThem() {
        Map<String, String> owners = SqlContracts.owners(MIGRATIONS);
        assertEquals("identity", owners.get("organization"));
        assertEquals("ordering", owners.get("order_event_outbox"));
        assertEquals("quota", owners.get("outbox_consumer"));
        assertEquals("catalog", owners.get("catalog_event_consumer"));
        assertEquals("identity", owners.get("organization_directory"));
    }

    /**
     * Each module of {@code root} depends only on itself, the modules ALLOWED to it, and what is not ours. Every
     * module is checked and all violations are reported together, not just the first module's.
     */
    static void dependencyRules(String root, JavaClasses imported) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(m -> !m.equals(e.getKey()) && !e.getValue().contains(m))
                    .map(m -> root + "." + m + "..")
                    .toArray(String[]::new);
            EvaluationResult result = noClasses()
                    .that()
                    .resideInAPackage(root + "." + e.getKey() + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(forbidden)
                    .because(e.getKey() + " may use only " + new TreeSet<>(e.getValue())
                            + " (ArchitectureTest.ALLOWED, docs/architecture.md)")
                    .allowEmptyShould(true)
                    .evaluate(imported);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(
                    failures.size() + " module(s) use modules they may not:\n" + String.join("\n", failures));
        }
    }
}
