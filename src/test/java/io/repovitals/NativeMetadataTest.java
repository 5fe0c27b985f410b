package io.repovitals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The GraalVM metadata the native build reads from the jar is well-formed and keeps our resources. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NativeMetadataTest {
    private static final String DIR = "META-INF/native-image/io.repovitals/repo-vitals/";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void should_include_every_resource_under_repovitals() throws IOException {
        JsonNode config = json.readTree(resource("resource-config.json"));
        List<Pattern> patterns = new ArrayList<>();
        config.at("/resources/includes").forEach(include -> patterns.add(Pattern.compile(include.get("pattern").asText())));

        assertThat(patterns).isNotEmpty();
        assertThat(List.of("repovitals/version.properties", "repovitals/templates/report.md.ftl",
                "repovitals/graphql/pulls.graphql"))
                .allMatch(path -> patterns.stream().anyMatch(pattern -> pattern.matcher(path).matches()));
    }

    @Test
    void should_have_a_reflection_config_that_is_a_json_array() throws IOException {
        assertThat(json.readTree(resource("reflect-config.json")).isArray()).isTrue();
    }

    /** libawt's Java2D loops and libfontmanager look these up through JNI while the charts are drawn (scripts/native/trace-jni.sh). */
    @Test
    void should_list_the_classes_the_charts_native_code_reaches_through_jni() throws IOException {
        List<String> listed = new ArrayList<>();
        json.readTree(resource("jni-config.json")).forEach(entry -> listed.add(entry.get("name").asText()));

        assertThat(listed).contains("sun.java2d.loops.SurfaceType", "java.awt.image.BufferedImage", "sun.font.GlyphList");
    }

    /** picocli reads the commands' annotations and creates the version provider by reflection. */
    @Test
    void should_list_the_picocli_commands_for_reflection() throws IOException {
        List<String> listed = new ArrayList<>();
        json.readTree(resource("reflect-config.json")).forEach(entry -> listed.add(entry.get("name").asText()));

        assertThat(listed).contains("io.repovitals.Main", "io.repovitals.Main$VersionProvider", "io.repovitals.cli.DemoCommand",
                "io.repovitals.cli.CollectCommand", "picocli.CommandLine$AutoHelpMixin");
    }

    /** Jackson (snapshots) and FreeMarker (reports, which render the analysis) reach these records by reflection: a native image needs them listed. */
    @Test
    void should_list_every_public_record_of_model_analyze_render_and_store_for_reflection() throws IOException {
        List<String> listed = new ArrayList<>();
        json.readTree(resource("reflect-config.json")).forEach(entry -> listed.add(entry.get("name").asText()));
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.repovitals.model", "io.repovitals.render", "io.repovitals.store", "io.repovitals.analyze");
        List<String> records = classes.stream()
                .filter(type -> type.isRecord() && type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName)
                .toList();

        assertThat(records).contains("io.repovitals.model.Snapshot");
        assertThat(listed).containsAll(records);
    }

    @Test
    void should_build_without_fallback_and_headless() throws IOException {
        Properties properties = new Properties();
        properties.load(resource("native-image.properties"));

        assertThat(properties.getProperty("Args")).contains("--no-fallback", "-Djava.awt.headless=true",
                "--enable-url-protocols=http,https");
    }

    private static InputStream resource(String name) {
        InputStream stream = NativeMetadataTest.class.getClassLoader().getResourceAsStream(DIR + name);
        assertThat(stream).as(DIR + name).isNotNull();
        return stream;
    }
}
