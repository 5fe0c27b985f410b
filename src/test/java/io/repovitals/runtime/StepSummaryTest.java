package io.repovitals.runtime;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StepSummaryTest {
    @TempDir
    Path dir;

    @Test
    void should_append_and_end_with_a_line_break() throws IOException {
        Path file = dir.resolve("summary.md");
        StepSummary.append(file, "# Report");
        StepSummary.append(file, "| a |\n|---|\n");

        assertThat(Files.readString(file)).isEqualTo("# Report\n| a |\n|---|\n");
    }

    @Test
    void should_keep_text_that_exactly_fills_the_limit() throws IOException {
        Path file = dir.resolve("summary.md");
        String text = "x".repeat(StepSummary.LIMIT_BYTES - 1) + "\n";
        StepSummary.append(file, text);

        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void should_cut_at_a_line_boundary_and_say_so_when_over_the_limit() throws IOException {
        Path file = dir.resolve("summary.md");
        String line = "| ünïcode row | 12 |\n";
        String text = line.repeat(StepSummary.LIMIT_BYTES / line.getBytes(StandardCharsets.UTF_8).length + 10);
        StepSummary.append(file, text);

        byte[] written = Files.readAllBytes(file);
        String content = new String(written, StandardCharsets.UTF_8);
        assertThat(written.length).isLessThanOrEqualTo(StepSummary.LIMIT_BYTES);
        assertThat(content).endsWith(StepSummary.CUT_NOTE);
        String kept = content.substring(0, content.length() - StepSummary.CUT_NOTE.length());
        assertThat(kept).isNotEmpty();
        assertThat(kept.lines()).allMatch(line.strip()::equals);
        assertThat(text).startsWith(kept);
    }

    @Test
    void should_count_what_earlier_steps_of_the_file_already_used() throws IOException {
        Path file = dir.resolve("summary.md");
        Files.writeString(file, "y".repeat(StepSummary.LIMIT_BYTES - 200) + "\n");
        StepSummary.append(file, "short line\n".repeat(100));

        assertThat(Files.size(file)).isLessThanOrEqualTo(StepSummary.LIMIT_BYTES);
        assertThat(Files.readString(file)).endsWith(StepSummary.CUT_NOTE).contains("short line\n");
    }

    @Test
    void should_add_nothing_when_not_even_the_note_fits() throws IOException {
        Path file = dir.resolve("summary.md");
        String full = "z".repeat(StepSummary.LIMIT_BYTES - 5) + "\n";
        Files.writeString(file, full);
        StepSummary.append(file, "more");

        assertThat(Files.readString(file)).isEqualTo(full);
    }

    @Test
    void should_drop_a_first_line_longer_than_the_room_left() {
        byte[] fitted = StepSummary.fit(("a".repeat(500) + "\nb\n").getBytes(StandardCharsets.UTF_8), 300);

        assertThat(new String(fitted, StandardCharsets.UTF_8)).isEqualTo(StepSummary.CUT_NOTE);
    }
}
