package cn.huinong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Modules are the top-level packages under cn.huinong. Their root package is their API; their
 * {@code internal} and {@code web} subpackages are private. Dependencies between modules never form a cycle.
 */
class ArchitectureTest {

    static final List<String> MODULES = List.of("audit", "region", "identity", "catalog", "search", "ordering", "files", "payments", "quota", "monitoring", "demo");
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.huinong");
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching("cn.huinong.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void modulesStayOutOfEachOthersInternals() {
        for (String module : MODULES) {
            noClasses().that().resideOutsideOfPackage("cn.huinong." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "cn.huinong." + module + ".internal..", "cn.huinong." + module + ".web..")
                    .because(module + "'s internal and web packages are private to it")
                    .check(classes);
        }
    }

    @Test
    void sharedDependsOnNoModule() {
        noClasses().that().resideInAPackage("cn.huinong.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(MODULES.stream().map(m -> "cn.huinong." + m + "..")
                        .toArray(String[]::new))
                .check(classes);
    }

    @Test
    void controllersLiveInWebPackagesAndAreNotPublic() {
        noClasses().that().areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
                .and().resideOutsideOfPackage("cn.huinong.web")
                .should().resideOutsideOfPackage("..web..")
                .orShould().bePublic()
                .check(classes);
    }
}
