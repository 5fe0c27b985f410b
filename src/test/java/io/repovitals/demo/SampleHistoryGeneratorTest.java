package io.repovitals.demo;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampleHistoryGeneratorTest {
    private static final Path BUNDLE = Path.of("src/main/resources/repovitals/demo");
    /** Generated once for the class: the simulation takes a few seconds on a busy machine. */
    private static final Map<String, byte[]> GENERATED = SampleHistoryGenerator.files();

    @Test
    void should_regenerate_the_bundled_files_byte_for_byte() throws IOException {
        Map<String, byte[]> generated = GENERATED;

        assertThat(generated).hasSize(1 + 2 * 200);
        for (Map.Entry<String, byte[]> file : generated.entrySet()) {
            try (InputStream in = getClass().getResourceAsStream("/repovitals/demo/" + file.getKey())) {
                assertThat(in).as("bundled " + file.getKey() + " (run scripts/generate-demo-history.sh)").isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as("bundled " + file.getKey() + " differs from the generator's (run scripts/generate-demo-history.sh)")
                        .isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void should_bundle_no_file_the_generator_does_not_write() throws IOException {
        Set<String> bundled;
        try (Stream<Path> files = Files.walk(BUNDLE)) {
            bundled = files.filter(Files::isRegularFile).map(path -> BUNDLE.relativize(path).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(bundled).isEqualTo(new TreeSet<>(GENERATED.keySet()));
    }

    @Test
    void should_list_every_snapshot_in_the_index_once() {
        Map<String, byte[]> generated = GENERATED;
        String[] listed = new String(generated.get("index.txt"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toArray(String[]::new);

        assertThat(listed).hasSize(400).doesNotHaveDuplicates()
                .contains("acme/rocket/2026-05-05.json", "acme/rocket/2026-11-20.json", "acme/launchpad/2026-11-20.json");
    }
}
