package io.repovitals.render;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A templates folder overrides built-in templates by name, and stays inside the sandbox. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TemplateOverrideTest {
    @TempDir
    Path folder;

    @Test
    void should_use_the_folders_report_template_and_the_built_in_ones_for_the_rest() throws IOException {
        Files.writeString(folder.resolve("report.md.ftl"), "# Ours: ${report.repository} ${report.week}\n");
        Reports reports = new Reports(Optional.of(folder));
        RepositoryReport input = Fixtures.report(Fixtures.history(), null, List.of());

        assertThat(reports.weekly(input)).isEqualTo("# Ours: acme/rocket 2026-W47\n");
        assertThat(reports.summary(List.of(input))).startsWith("## repo-vitals: acme/rocket, week 2026-W47");
    }

    @Test
    void should_auto_escape_user_text_in_an_override_too() throws IOException {
        Files.writeString(folder.resolve("report.md.ftl"), "<#import \"_macros.ftl\" as m>${report.repository}\n");
        List<io.repovitals.model.Snapshot> history = GoldenTemplatesTest.quietHistory("o/r|@x");

        String report = new Reports(Optional.of(folder)).weekly(new RepositoryReport(Fixtures.analysis(history), history,
                null, List.of(), null));

        assertThat(report).isEqualTo("o/r\\|@&#8203;x\n");
    }

    @Test
    void should_refuse_new_in_a_template_with_a_one_line_error_naming_file_and_line() throws IOException {
        Files.writeString(folder.resolve("report.md.ftl"),
                "ok\n<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");

        assertThatThrownBy(() -> new Reports(Optional.of(folder)).weekly(Fixtures.report(Fixtures.history(), null, List.of())))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining(folder.resolve("report.md.ftl").toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("freemarker.template.utility.Execute")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void should_refuse_api_in_a_template() throws IOException {
        Files.writeString(folder.resolve("report.md.ftl"), "${report.footer?api.getClass()}\n");

        assertThatThrownBy(() -> new Reports(Optional.of(folder)).weekly(Fixtures.report(Fixtures.history(), null, List.of())))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("report.md.ftl line 1")
                .hasMessageContaining("api_builtin_enabled")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void should_name_file_and_line_of_a_syntax_error() throws IOException {
        Files.writeString(folder.resolve("report.md.ftl"), "line one\nline two\n<#if report.repository>\n");

        assertThatThrownBy(() -> new Reports(Optional.of(folder)).weekly(Fixtures.report(Fixtures.history(), null, List.of())))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("template " + folder.resolve("report.md.ftl") + " line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void should_name_file_line_and_expression_of_an_unknown_variable() throws IOException {
        Files.writeString(folder.resolve("report.md.ftl"), "a\nb\n${report.noSuchThing}\n");

        assertThatThrownBy(() -> new Reports(Optional.of(folder)).weekly(Fixtures.report(Fixtures.history(), null, List.of())))
                .isInstanceOf(RenderException.class)
                .hasMessage("template " + folder.resolve("report.md.ftl")
                        + " line 3: The following has evaluated to null or missing: report.noSuchThing");
    }

    @Test
    void should_not_let_a_template_include_a_file_outside_the_folder() throws IOException {
        Path inside = Files.createDirectory(folder.resolve("templates"));
        Files.writeString(folder.resolve("secret.txt"), "s3cret");
        Files.writeString(inside.resolve("report.md.ftl"), "<#include \"../secret.txt\">\n");

        assertThatThrownBy(() -> new Reports(Optional.of(inside)).weekly(Fixtures.report(Fixtures.history(), null, List.of())))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("report.md.ftl line 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void should_not_expose_methods_other_than_record_components() throws IOException {
        // A String's own methods are not reachable, nor a list's: only built-ins and our records' components.
        Files.writeString(folder.resolve("report.md.ftl"), "${report.repository.getClass()}\n");

        assertThatThrownBy(() -> new Reports(Optional.of(folder)).weekly(Fixtures.report(Fixtures.history(), null, List.of())))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("report.md.ftl line 1");
    }
}
