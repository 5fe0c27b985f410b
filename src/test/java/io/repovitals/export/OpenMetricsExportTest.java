package io.repovitals.export;

import io.repovitals.model.ExportFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenMetrics text is checked by a strict real parser: prometheus_client's OpenMetrics parser
 * (Debian package python3-prometheus-client, run with Debian's /usr/bin/python3), which rejects
 * anything the OpenMetrics 1.0 grammar does not allow (a missing # EOF, a bad escape, interleaved
 * families, a sample of an undeclared type). No Java OpenMetrics parser exists on Maven Central.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenMetricsExportTest {
    static final String PYTHON = "/usr/bin/python3";
    /** Parses stdin strictly and prints the families as JSON; a parse error exits non-zero with the parser's message. */
    private static final String PARSER = String.join("\n",
            "import sys, json",
            "from prometheus_client.openmetrics.parser import text_string_to_metric_families",
            "out = []",
            "for family in text_string_to_metric_families(sys.stdin.read()):",
            "    out.append({'name': family.name, 'type': family.type, 'help': family.documentation,",
            "                'samples': [{'name': s.name, 'labels': s.labels, 'value': s.value,",
            "                             'timestamp': None if s.timestamp is None else float(s.timestamp)}",
            "                            for s in family.samples]})",
            "print(json.dumps(out))");

    @TempDir
    Path dir;

    /** Runs the real parser on {@code text}; fails (never skips) when it is not installed. */
    static JsonNode parse(String text) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing: install the strict OpenMetrics parser with"
                    + " 'apt-get install -y python3-prometheus-client'");
        }
        Process process = new ProcessBuilder(PYTHON, "-c", PARSER).redirectErrorStream(false).start();
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (err.contains("No module named 'prometheus_client'")) {
            fail("prometheus_client is missing for " + PYTHON + ": install it with"
                    + " 'apt-get install -y python3-prometheus-client'");
        }
        assertThat(process.exitValue()).as("the OpenMetrics parser rejected the text: " + err + "\n" + text).isZero();
        return new ObjectMapper().readTree(out);
    }

    private String export() throws Exception {
        Path bare = ExportHistories.store(dir.resolve("remote.git"), ExportHistories.sample());
        Path out = Exports.toFile(ExportFormat.OPENMETRICS,
                ExportHistories.load(bare, "acme/rocket", "octo-org/widgets"), dir.resolve("metrics.txt"), false).file();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void should_pass_the_strict_parser_with_the_latest_value_of_each_repository_as_a_labelled_gauge() throws Exception {
        JsonNode families = parse(export());

        List<String> seen = new ArrayList<>();
        for (JsonNode family : families) {
            assertThat(family.path("type").asText()).as(family.path("name").asText()).isEqualTo("gauge");
            assertThat(family.path("help").asText()).isNotBlank();
            for (JsonNode sample : family.path("samples")) {
                seen.add(sample.path("name").asText() + " " + sample.path("labels").path("repo").asText() + " "
                        + sample.path("labels").path("org").asText() + " " + sample.path("value").asDouble() + " "
                        + sample.path("timestamp").asDouble());
            }
        }
        // Latest days: widgets 2026-11-20T00:00Z = 1767225600 (2026-01-01) + 323 days x 86400 = 1795132800 s; rocket 6.5 h later, 1795156200 s.
        assertThat(seen).containsExactly(
                "repo_vitals_ci_failure_rate octo-org/widgets octo-org 0.125 1.7951328E9",
                "repo_vitals_prs_merged acme/rocket acme 2.0 1.7951562E9",
                "repo_vitals_prs_merged octo-org/widgets octo-org 4.0 1.7951328E9",
                "repo_vitals_prs_time_to_merge_hours_p50 acme/rocket acme 7.0 1.7951562E9",
                "repo_vitals_prs_time_to_merge_hours_p50 octo-org/widgets octo-org 2.0 1.7951328E9");
    }

    @Test
    void should_end_with_eof_and_declare_each_family_once_before_its_samples() throws Exception {
        String text = export();

        assertThat(text).endsWith("# EOF\n");
        assertThat(text).contains("# TYPE repo_vitals_prs_merged gauge\n# HELP repo_vitals_prs_merged prs.merged: ");
        assertThat(text.split("# TYPE repo_vitals_prs_merged ", -1)).hasSize(2);
        assertThat(text).contains("repo_vitals_prs_merged{repo=\"acme/rocket\",org=\"acme\"} 2 1795156200\n");
    }

    @Test
    void should_escape_label_values_and_help_text_so_that_the_parser_reads_them_back() throws Exception {
        String tricky = "a \"quoted\" back\\slash\nand a new line";
        String escaped = OpenMetricsExport.escape(tricky);
        assertThat(escaped).isEqualTo("a \\\"quoted\\\" back\\\\slash\\nand a new line");

        JsonNode families = parse("# TYPE repo_vitals_x gauge\n# HELP repo_vitals_x " + escaped + "\n"
                + "repo_vitals_x{repo=\"" + escaped + "\"} 1\n# EOF\n");

        assertThat(families.get(0).path("help").asText()).isEqualTo(tricky);
        assertThat(families.get(0).path("samples").get(0).path("labels").path("repo").asText()).isEqualTo(tricky);
    }

    @Test
    void should_be_rejected_by_the_parser_without_eof_which_shows_the_parser_is_strict() throws Exception {
        String text = export();
        String withoutEof = text.substring(0, text.length() - "# EOF\n".length());

        AssertionError rejected = null;
        try {
            parse(withoutEof);
        } catch (AssertionError e) {
            rejected = e;
        }
        assertThat(rejected).as("the parser must refuse a text without # EOF").isNotNull();
        assertThat(rejected.getMessage()).contains("rejected");
    }
}
