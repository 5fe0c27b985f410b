package io.repovitals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One package per pipeline stage (README "Development"): a stage may use the stages before it, never
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

    /**
     * Reading the time: the system clock (dates) and the JVM's tickers (durations), in every form the
     * JDK offers, method references included.
     */
    private static final DescribedPredicate<JavaAccess<?>> READS_THE_TIME = DescribedPredicate.describe(
            "read the system clock or ticker", access -> {
                String owner = access.getTargetOwner().getName();
                String name = access.getTarget().getName();
                return switch (owner) {
                    case "java.lang.System" -> name.equals("currentTimeMillis") || name.equals("nanoTime");
                    case "java.time.Clock" -> name.startsWith("system");
                    case "java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
                         "java.time.ZonedDateTime", "java.time.OffsetDateTime", "java.time.Year",
                         "java.time.YearMonth" -> name.equals("now");
                    case "java.util.Date" -> name.equals("<init>") && access.getTarget() instanceof AccessTarget.ConstructorCallTarget constructor
                            && constructor.getRawParameterTypes().isEmpty();
                    default -> false;
                };
            });

    private static ArchRule onlyMainReadsTheTime() {
        return noClasses().that().doNotHaveFullyQualifiedName("io.repovitals.Main")
                .should().accessTargetWhere(READS_THE_TIME)
                .because("Main creates the one clock and ticker; everything else gets them injected, so tests control time");
    }

    @Test
    void only_main_reads_the_clock_or_the_ticker() {
        onlyMainReadsTheTime().check(CLASSES);
    }

    @Test
    void the_time_rule_sees_mains_own_clock_and_its_ticker_reference() {
        // Main does read the time (Clock.systemUTC() and System::nanoTime): the rule without its exception must see both.
        EvaluationResult result = noClasses().should().accessTargetWhere(READS_THE_TIME)
                .evaluate(CLASSES.that(DescribedPredicate.describe("Main",
                        (JavaClass type) -> type.getName().equals("io.repovitals.Main"))));
        List<String> found = result.getFailureReport().getDetails();
        assertThat(found).anyMatch(line -> line.contains("Clock.systemUTC()"));
        assertThat(found).anyMatch(line -> line.contains("System.nanoTime()"));
    }
}
