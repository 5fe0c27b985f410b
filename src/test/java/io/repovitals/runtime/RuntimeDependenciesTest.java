package io.repovitals.runtime;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Every stage logs through this package, so it may use nothing but the JDK and {@code model}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RuntimeDependenciesTest {
    @Test
    void should_depend_only_on_the_jdk_and_the_model() {
        classes().that().resideInAPackage("io.repovitals.runtime..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.repovitals.runtime..", "io.repovitals.model..", "java..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.repovitals.runtime"));
    }
}
