package io.repovitals.analyze;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * analyze is pure computation over snapshots: it may use model, metrics and config, never the stages
 * after it, the network, the file system or the clock. (Until ArchitectureTest gets an Analyze layer.)
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalyzePackageTest {
    private static final JavaClasses ANALYZE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.repovitals.analyze");

    @Test
    void should_depend_only_on_model_metrics_and_config() {
        noClasses().that().resideInAPackage("io.repovitals.analyze..")
                .should().dependOnClassesThat().resideInAnyPackage("io.repovitals.store..", "io.repovitals.render..",
                        "io.repovitals.publish..", "io.repovitals.pipeline..", "io.repovitals.cli..",
                        "io.repovitals.github..", "io.repovitals.collect..", "io.repovitals.runtime..")
                .check(ANALYZE);
    }

    @Test
    void should_do_no_io_and_read_no_clock() {
        noClasses().that().resideInAPackage("io.repovitals.analyze..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(ANALYZE);
    }
}
