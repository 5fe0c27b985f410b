package io.repovitals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;


import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Executable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The GraalVM metadata the native build reads from the jar is well-formed and keeps our resources. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NativeMetadataTest {
    private static final String DIR = "META-INF/native-image/io.repovitals/repo-vitals/";
    private final ObjectMapper json = new ObjectMapper();

    /**
     * The resources of ours the traced runs (scripts/native/trace-metadata.sh) do not load, each with
     * the path that loads it. They are not in resource-config.json, so the native executable cannot
     * take those paths yet; a traced run that reaches one must remove it from here.
     */
    private static final Map<String, String> UNTRACED = Map.of(
            "repovitals/graphql/repository-batch.graphql", "organisation mode's batched collection",
            "repovitals/graphql/pull-request-one.graphql", "the pull-request comment",
            "repovitals/templates/pr-comment.md.ftl", "the pull-request comment",
            "repovitals/repo-vitals.example.yml", "no code loads it: a sample for users");

    @Test
    void should_include_every_resource_under_repovitals_that_is_not_named_untraced() throws IOException {
        JsonNode config = json.readTree(resource("resource-config.json"));
        List<Pattern> patterns = new ArrayList<>();
        config.at("/resources/includes").forEach(include -> patterns.add(Pattern.compile(include.get("pattern").asText())));
        // What the build puts under repovitals/ in the jar: resources, templates, version.properties.
        Path classes = Path.of("target/classes");
        List<String> all;
        try (var files = Files.walk(classes.resolve("repovitals"))) {
            all = files.filter(Files::isRegularFile).map(file -> classes.relativize(file).toString().replace('\\', '/')).toList();
        }

        assertThat(all).contains("repovitals/version.properties", "repovitals/templates/report.md.ftl",
                "repovitals/graphql/pull-requests.graphql");
        for (String path : all) {
            boolean traced = patterns.stream().anyMatch(pattern -> pattern.matcher(path).matches());
            assertThat(traced).as("%s is in resource-config.json (untraced: %s)", path, UNTRACED.get(path))
                    .isEqualTo(!UNTRACED.containsKey(path));
        }
    }

    /**
     * Native code looks a member up through the class it holds, which may be a subclass of the
     * declaring one (AWT finds FontStrike.getGlyphMetrics through PhysicalStrike); the image knows a
     * member only on the class that declares it, so no entry may name a class that inherits the member.
     * (The file is traced on JDK 25; a member this JDK lacks, such as JDK 25's DirectByteBuffer(long, long),
     * is declared nowhere here and is not judged.)
     */
    @Test
    void should_list_no_jni_member_on_a_class_that_only_inherits_it() throws Exception {
        int declaredHere = 0;
        for (JsonNode entry : json.readTree(resource("jni-config.json"))) {
            if (!entry.has("fields") && !entry.has("methods")) {
                continue; // a class looked up by name only (arrays among them)
            }
            Class<?> type = Class.forName(entry.get("name").asText(), false, NativeMetadataTest.class.getClassLoader());
            for (JsonNode field : entry.path("fields")) {
                String name = field.get("name").asText();
                declaredHere += declares(type, name, null) ? 1 : 0;
                assertThat(inheritedFrom(type, name, null)).as("field %s is listed on %s, which inherits it", name, type.getName()).isNull();
            }
            for (JsonNode method : entry.path("methods")) {
                String name = method.get("name").asText();
                List<String> parameters = new ArrayList<>();
                method.path("parameterTypes").forEach(parameter -> parameters.add(parameter.asText()));
                declaredHere += declares(type, name, parameters) ? 1 : 0;
                assertThat(inheritedFrom(type, name, parameters)).as("method %s%s is listed on %s, which inherits it", name, parameters, type.getName()).isNull();
            }
        }
        assertThat(declaredHere).as("members found where jni-config.json lists them").isGreaterThan(100);
    }

    /** The superclass that declares a member type does not declare itself; null when there is none. */
    private static String inheritedFrom(Class<?> type, String name, List<String> parameters) {
        if (declares(type, name, parameters)) {
            return null;
        }
        for (Class<?> up = type.getSuperclass(); up != null; up = up.getSuperclass()) {
            if (declares(up, name, parameters)) {
                return up.getName();
            }
        }
        return null;
    }

    /** Whether type declares the field (parameters null) or the method or constructor ({@code <init>}). */
    private static boolean declares(Class<?> type, String name, List<String> parameters) {
        if (parameters == null) {
            return Arrays.stream(type.getDeclaredFields()).anyMatch(field -> field.getName().equals(name));
        }
        Stream<Executable> executables = name.equals("<init>") ? Arrays.stream(type.getDeclaredConstructors())
                : Arrays.stream(type.getDeclaredMethods()).filter(method -> method.getName().equals(name)).map(Executable.class::cast);
        return executables.anyMatch(executable -> Arrays.stream(executable.getParameterTypes()).map(Class::getTypeName).toList().equals(parameters));
    }

    @Test
    void should_have_a_reflection_config_that_is_a_json_array() throws IOException {
        assertThat(json.readTree(resource("reflect-config.json")).isArray()).isTrue();
    }

    /** libawt's Java2D loops and libfontmanager look these up through JNI while the charts are drawn (scripts/native/trace-metadata.sh). */
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

    /** Jackson creates the stored snapshot's records through their constructors (demo and collect write and read them). */
    @Test
    void should_list_the_snapshot_records_with_their_constructors_for_reflection() throws IOException {
        List<String> constructed = new ArrayList<>();
        json.readTree(resource("reflect-config.json")).forEach(entry -> {
            if (entry.path("allDeclaredConstructors").asBoolean()) constructed.add(entry.get("name").asText());
        });

        assertThat(constructed).contains("io.repovitals.model.Snapshot", "io.repovitals.model.CollectionStats",
                "io.repovitals.model.ContributorStats", "io.repovitals.model.TrafficDay");
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
