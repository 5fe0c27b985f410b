package io.repovitals.runtime;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActionsOutputsTest {
    @TempDir
    Path dir;

    @Test
    void should_write_a_single_line_value_as_name_equals_value() throws IOException {
        Path file = dir.resolve("output");
        ActionsOutputs.write(file, Map.of("health-score", "72.5"));

        assertThat(Files.readString(file)).isEqualTo("health-score=72.5\n");
    }

    @Test
    void should_write_multi_line_values_in_heredoc_form_that_read_back_exactly() throws IOException {
        Path file = dir.resolve("output");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("anomalies", "[{\"metric\":\"prs.merged\"}\n,{\"sentence\":\"ünïcode = fine\"}]\n");
        outputs.put("windows-style", "a\r\nb");
        outputs.put("lone-cr", "a\rb");
        outputs.put("health-grade", "B");
        ActionsOutputs.write(file, outputs);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("anomalies<<ghadelimiter_", "lone-cr<<ghadelimiter_");
        assertThat(RunnerOutputFile.parse(text)).isEqualTo(outputs);
    }

    @Test
    void should_append_and_never_truncate() throws IOException {
        Path file = dir.resolve("output");
        Files.writeString(file, "earlier=step\n");
        ActionsOutputs.write(file, Map.of("report-path", "out/report.md"));
        ActionsOutputs.write(file, Map.of("anomalies", "one\ntwo"));

        assertThat(RunnerOutputFile.parse(Files.readString(file)))
                .containsExactlyEntriesOf(orderedMap("earlier", "step", "report-path", "out/report.md", "anomalies", "one\ntwo"));
    }

    @Test
    void should_use_a_fresh_delimiter_for_every_value() throws IOException {
        Path file = dir.resolve("output");
        ActionsOutputs.write(file, Map.of("a", "1\n2"));
        ActionsOutputs.write(file, Map.of("b", "3\n4"));

        assertThat(Files.readString(file).lines().filter(line -> line.contains("<<"))
                .map(line -> line.substring(line.indexOf("<<") + 2)).distinct()).hasSize(2);
    }

    @Test
    void should_reject_a_name_that_would_corrupt_the_file() {
        Path file = dir.resolve("output");

        assertThatThrownBy(() -> ActionsOutputs.write(file, Map.of("a=b", "c")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a=b");
        assertThatThrownBy(() -> ActionsOutputs.write(file, Map.of("x<<EOF", "c")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActionsOutputs.write(file, Map.of("", "c")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * Reads a {@code $GITHUB_OUTPUT} file as the runner documents it (Linux: lines end at '\n'):
     * {@code name=value}, or {@code name<<DELIMITER}, then the value up to the line break before a
     * line that is exactly the delimiter. Empty lines are skipped.
     */
    static final class RunnerOutputFile {
        static Map<String, String> parse(String text) {
            Map<String, String> outputs = new LinkedHashMap<>();
            int index = 0;
            while (index < text.length()) {
                int end = lineEnd(text, index);
                String line = text.substring(index, end);
                index = Math.min(end + 1, text.length());
                if (line.isEmpty()) {
                    continue;
                }
                int equals = line.indexOf('=');
                int heredoc = line.indexOf("<<");
                if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
                    outputs.put(line.substring(0, equals), line.substring(equals + 1));
                    continue;
                }
                if (heredoc < 0) {
                    throw new IllegalArgumentException("invalid line: " + line);
                }
                String delimiter = line.substring(heredoc + 2);
                int valueStart = index;
                int valueEnd = index;
                while (true) {
                    if (index >= text.length()) {
                        throw new IllegalArgumentException("delimiter not found: " + delimiter);
                    }
                    int lineEnd = lineEnd(text, index);
                    if (lineEnd >= text.length()) {
                        throw new IllegalArgumentException("delimiter line without a line break");
                    }
                    boolean isDelimiter = text.substring(index, lineEnd).equals(delimiter);
                    index = lineEnd + 1;
                    if (isDelimiter) {
                        break;
                    }
                    valueEnd = lineEnd;
                }
                outputs.put(line.substring(0, heredoc), text.substring(valueStart, valueEnd));
            }
            return outputs;
        }

        private static int lineEnd(String text, int from) {
            int newline = text.indexOf('\n', from);
            return newline < 0 ? text.length() : newline;
        }
    }
}
