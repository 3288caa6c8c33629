package org.premiumflow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The embedded engine knows nothing of premiums: it could be lifted into its own artifact
 * unchanged, so nothing in {@code engine} may use a class of the application outside it.
 */
class ArchitectureTest {

    static ArchRule engineStandsAlone(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".engine..")
                .should().dependOnClassesThat(describe(
                        "belong to the application outside the engine",
                        javaClass -> javaClass.getPackageName().startsWith(basePackage)
                                && !javaClass.getPackageName().startsWith(basePackage + ".engine")))
                .allowEmptyShould(true)
                .because("the engine could be lifted into its own artifact unchanged");
    }

    @Test
    void theEngineImportsNothingFromTheApplication() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.premiumflow");

        engineStandsAlone("org.premiumflow").check(production);
    }

    @Test
    void nothingButTheWebLayerUsesIt() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.premiumflow");

        noClasses().that().resideOutsideOfPackage("org.premiumflow.web..")
                .should().dependOnClassesThat().resideInAPackage("org.premiumflow.web..")
                .because("dependencies point from web to the domain, never back")
                .check(production);
    }

    @Test
    void theRuleCatchesAnEngineClassThatUsesTheDomain() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.premiumflow.architecture.fixture");

        EvaluationResult result = engineStandsAlone("org.premiumflow.architecture.fixture").evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).contains("LeakyEngineElement").contains("billing.Invoice"))
                .noneSatisfy(violation -> assertThat(violation).contains("SelfContainedEngineElement"));
    }
}
