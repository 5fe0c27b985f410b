package io.repovitals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One package per pipeline stage (shared/style.md): a stage may use the stages before it, never
 * those after; only {@code github} speaks to GitHub, only {@code config} reads the environment.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.repovitals");

    @Test
    void stages_depend_only_on_earlier_stages() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Main").definedBy("io.repovitals")
                .layer("Cli").definedBy("io.repovitals.cli..")
                .layer("Pipeline").definedBy("io.repovitals.pipeline..")
                .layer("Export").definedBy("io.repovitals.export..")
                .layer("Publish").definedBy("io.repovitals.publish..")
                .layer("Render").definedBy("io.repovitals.render..")
                .layer("Analyze").definedBy("io.repovitals.analyze..")
                .layer("Store").definedBy("io.repovitals.store..")
                .layer("Snapshot").definedBy("io.repovitals.snapshot..")
                .layer("Metrics").definedBy("io.repovitals.metrics..")
                .layer("Sample").definedBy("io.repovitals.sample..")
                .layer("Collect").definedBy("io.repovitals.collect..")
                .layer("Config").definedBy("io.repovitals.config..")
                .layer("GitHub").definedBy("io.repovitals.github..")
                .layer("Runtime").definedBy("io.repovitals.runtime..")
                .layer("Model").definedBy("io.repovitals.model..")
                .whereLayer("Main").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Main", "Cli")
                .whereLayer("Export").mayOnlyBeAccessedByLayers("Cli", "Pipeline")
                .whereLayer("Publish").mayOnlyBeAccessedByLayers("Pipeline")
                .whereLayer("Render").mayOnlyBeAccessedByLayers("Pipeline", "Publish")
                .whereLayer("Analyze").mayOnlyBeAccessedByLayers("Pipeline", "Export", "Publish", "Render")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Cli", "Pipeline", "Export", "Publish", "Render")
                .whereLayer("Snapshot").mayOnlyBeAccessedByLayers("Pipeline", "Publish", "Render", "Store")
                .whereLayer("Metrics").mayOnlyBeAccessedByLayers("Pipeline", "Export", "Publish", "Render", "Analyze", "Store", "Snapshot")
                .whereLayer("Sample").mayOnlyBeAccessedByLayers("Pipeline")
                .whereLayer("Collect").mayOnlyBeAccessedByLayers("Pipeline", "Snapshot", "Metrics", "Sample")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Main", "Cli", "Pipeline", "Publish", "Render", "Analyze", "Collect")
                .whereLayer("GitHub").mayOnlyBeAccessedByLayers("Main", "Pipeline", "Publish", "Collect")
                .check(CLASSES);
    }

    @Test
    void only_the_github_package_uses_the_github_library() {
        noClasses().that().resideOutsideOfPackage("io.repovitals.github..")
                .and().resideOutsideOfPackage("io.repovitals.collect..")
                .should().dependOnClassesThat().resideInAPackage("org.kohsuke.github..")
                .check(CLASSES);
    }

    @Test
    void only_the_settings_resolver_reads_the_environment() {
        noClasses().that().doNotHaveFullyQualifiedName("io.repovitals.Main")
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .check(CLASSES);
    }
}
