package org.relay;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.relay.engine.WrittenFor;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * How Relay's packages may depend on each other: by feature, without cycles; {@code common} below every feature;
 * Camunda's internals touched in {@code org.relay.engine} only, each class there saying the versions it was written for.
 */
class ArchitectureTest {

    private static final JavaClasses RELAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.relay");

    @Test
    void feature_packages_depend_on_each_other_without_cycles() {
        slices().matching("org.relay.(*)..").should().beFreeOfCycles().check(RELAY);
    }

    @Test
    void common_depends_on_no_feature() {
        noClasses().that().resideInAPackage("org.relay.common..")
                .should().dependOnClassesThat(resideInAPackage("org.relay..").and(not(resideInAPackage("org.relay.common.."))))
                .check(RELAY);
    }

    @Test
    void camundas_internals_are_touched_in_the_engine_package_only() {
        noClasses().that().resideOutsideOfPackage("org.relay.engine..")
                .should().dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine.impl..")
                        // types Camunda's public API hands out although they live in impl packages: the signed-in
                        // user (IdentityService.getCurrentAuthentication) and a form field's refusal (a 400)
                        .and(not(simpleName("Authentication")))
                        .and(not(simpleName("FormFieldValidationException"))))
                .check(RELAY);
        classes().that().resideInAPackage("org.relay.engine..").and().areTopLevelClasses()
                .and().doNotHaveSimpleName("WrittenFor").and().doNotHaveSimpleName("ClockConfiguration")
                .should().beAnnotatedWith(WrittenFor.class)
                .check(RELAY);
    }
}
