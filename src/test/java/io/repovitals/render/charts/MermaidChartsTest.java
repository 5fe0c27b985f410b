package io.repovitals.render.charts;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The xychart-beta blocks: the structure GitHub's mermaid needs, values per label, text that cannot break out. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MermaidChartsTest {
    private static final LocalDate NOV_18 = LocalDate.parse("2026-11-18");

    private static ChartSpec.Point point(String day, double value) {
        return new ChartSpec.Point(LocalDate.parse(day), value);
    }

    @Test
    void should_write_one_x_axis_and_one_line_per_series_bridging_a_missing_day() {
        ChartSpec spec = new ChartSpec("pr-throughput", "PRs", "pull requests per 7 days", List.of(
                new ChartSpec.Series("Opened", "prs.opened", List.of(point("2026-11-18", 4), point("2026-11-19", 6),
                        point("2026-11-20", 5))),
                new ChartSpec.Series("Merged", "prs.merged", List.of(point("2026-11-18", 2), point("2026-11-20", 3.5)))),
                List.of(), "alt");

        assertThat(MermaidCharts.block(spec)).isEqualTo("""
                ```mermaid
                %%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0072B2, #D55E00"}}}}%%
                xychart-beta
                    title "blue: Opened; vermillion: Merged"
                    x-axis ["Nov 18", "Nov 19", "Nov 20"]
                    y-axis "pull requests per 7 days"
                    line [4, 6, 5]
                    line [2, 2.75, 3.5]
                ```
                """);
    }

    @Test
    void should_show_one_point_a_week_when_there_are_more_than_16_days() {
        List<ChartSpec.Point> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            points.add(new ChartSpec.Point(LocalDate.parse("2026-10-22").plusDays(i), i));
        }
        ChartSpec spec = new ChartSpec("stars", "Stars", "count",
                List.of(new ChartSpec.Series("Stars", "repo.stars", points)), List.of(), "alt");

        String block = MermaidCharts.block(spec);

        // Weeks ending Nov 20 and every 7th day before it; the value is that day's (days 1, 8, 15, 22, 29).
        // One line needs no colour legend, and the report's heading is the title: the title line says only "weekly".
        assertThat(block).contains("    title \"one point a week\"\n",
                "    x-axis [\"Oct 23\", \"Oct 30\", \"Nov 6\", \"Nov 13\", \"Nov 20\"]\n",
                "    line [1, 8, 15, 22, 29]\n");
    }

    @Test
    void should_give_every_line_as_many_values_as_the_x_axis_has_labels() {
        List<ChartSpec.Point> daily = new ArrayList<>();
        List<ChartSpec.Point> sparse = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            daily.add(new ChartSpec.Point(NOV_18.minusDays(89 - i), 100 + i));
            if (i % 20 == 5) {
                sparse.add(new ChartSpec.Point(NOV_18.minusDays(89 - i), i / 10.0));
            }
        }
        ChartSpec spec = new ChartSpec("x", "T", "y", List.of(new ChartSpec.Series("A", "a", daily),
                new ChartSpec.Series("B", "b", sparse), new ChartSpec.Series("C", "c", List.of(new ChartSpec.Point(NOV_18, 1)))),
                List.of(), "alt");

        List<String> lines = Arrays.asList(MermaidCharts.block(spec).split("\n"));

        assertThat(lines).filteredOn(line -> line.startsWith("    x-axis ")).hasSize(1);
        String axis = lines.stream().filter(line -> line.startsWith("    x-axis ")).findFirst().orElseThrow();
        int labels = axis.split("\", \"").length;
        assertThat(labels).isEqualTo(13); // 90 days: Nov 18 and 12 weeks before it, the first week partly covered
        List<String> series = lines.stream().filter(line -> line.startsWith("    line [")).toList();
        assertThat(series).hasSize(3);
        assertThat(series).allSatisfy(line -> assertThat(line.split(", ")).hasSize(labels));
        assertThat(series.get(2)).isEqualTo("    line [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]");
    }

    @Test
    void should_not_let_text_break_out_of_its_quotes_or_mention_anyone() {
        ChartSpec spec = new ChartSpec("x", "Stars \"x\"\n@octo [1] `code`", "count\" \nline [9]",
                List.of(new ChartSpec.Series("<b>@team</b>", "a", List.of(new ChartSpec.Point(NOV_18, 1))),
                        new ChartSpec.Series("\"@octo\" `x`", "b", List.of(new ChartSpec.Point(NOV_18, 2)))),
                List.of(), "alt");

        String block = MermaidCharts.block(spec);

        assertThat(block).contains("    title \"blue: b team /b; vermillion: octo x\"\n", "    y-axis \"count line 9\"\n")
                .doesNotContain("@", "<b>", "`code`", "`x`");
        assertThat(block.split("\n")).hasSize(9); // fence, init, type, title, x-axis, y-axis, two lines, fence
    }

    @Test
    void should_show_the_whole_0_to_100_scale_for_the_health_score() {
        ChartSpec spec = new ChartSpec("health-score", "Health score", "score (0-100)",
                List.of(new ChartSpec.Series("Health score", "health.score", List.of(new ChartSpec.Point(NOV_18, 72.5)))),
                List.of(), "alt");

        assertThat(MermaidCharts.block(spec)).contains("    y-axis \"score (0-100)\" 0 --> 100\n", "    line [72.5]\n");
    }
}
