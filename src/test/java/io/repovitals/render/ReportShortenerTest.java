package io.repovitals.render;

import io.repovitals.model.ContributorStats;
import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReportShortenerTest {
    private static final String URL = "https://github.com/acme/rocket/blob/repo-vitals-data/reports/2026-W47.md";
    private final Reports reports = new Reports(Optional.empty());

    @Test
    void should_fit_a_report_with_5000_contributors_into_the_budget_with_whole_tables_and_the_link() {
        String full = reports.weekly(Fixtures.report(historyWith(5000), null, List.of()));
        assertThat(full.length()).isGreaterThan(ReportShortener.GITHUB_BODY_LIMIT);

        String short_ = reports.shorten(full, URL);

        assertThat(short_.length()).isLessThanOrEqualTo(ReportShortener.DEFAULT_BUDGET);
        assertThat(MarkdownTables.assertConsistent(short_)).isEqualTo(3); // key metrics, contributors, all metrics
        List<Integer> rows = MarkdownTables.rowCounts(short_);
        // The small tables (16 rows each) stay whole; only the contributors' table is cut.
        assertThat(rows.get(0)).isEqualTo(16);
        assertThat(rows.get(2)).isEqualTo(16);
        int kept = rows.get(1);
        assertThat(kept).isBetween(100, 4999);
        assertThat(short_).contains(String.format(Locale.ROOT, "_… %,d more rows: see the [full report](%s)._", 5000 - kept, URL));
        // Most active first, so the rows kept are the top ones: user5000 has the most commits.
        assertThat(short_).contains("| user5000 | 5,000 |");
        // What follows the table is still there.
        assertThat(short_).contains("### Pull requests waiting longest", "Not available:");
    }

    @Test
    void should_return_a_report_within_the_budget_unchanged() {
        String full = reports.weekly(Fixtures.report(Fixtures.history(), null, List.of()));

        assertThat(reports.shorten(full, full.length(), URL)).isEqualTo(full);
    }

    @Test
    void should_cut_rows_of_the_longest_tables_first_and_keep_short_ones_whole() {
        String markdown = "# t\n\n| a | b |\n|---|---|\n" + "| 1 | 2 |\n".repeat(3) + "\ntext\n\n| c |\n|---|\n"
                + "| 0123456789 |\n".repeat(100) + "\nend\n";

        String short_ = ReportShortener.shorten(markdown, 400, URL);

        assertThat(short_.length()).isLessThanOrEqualTo(400);
        assertThat(MarkdownTables.rowCounts(short_).get(0)).isEqualTo(3);
        int kept = MarkdownTables.rowCounts(short_).get(1);
        assertThat(short_).contains("_… " + (100 - kept) + " more rows: see the [full report](" + URL + ")._\n\nend\n");
        MarkdownTables.assertConsistent(short_);
    }

    @Test
    void should_cut_text_at_a_line_outside_any_table_when_headers_alone_do_not_fit() {
        String markdown = "intro line\n".repeat(50) + "| a | b |\n|---|---|\n| 1 | 2 |\n" + "tail line\n".repeat(50);

        String short_ = ReportShortener.shorten(markdown, 300, URL);

        assertThat(short_.length()).isLessThanOrEqualTo(300);
        assertThat(short_).startsWith("intro line\n").endsWith("_… report cut to fit: see the [full report](" + URL + ")._\n");
        MarkdownTables.assertConsistent(short_);
    }

    @Test
    void should_encode_a_link_that_could_break_out_and_refuse_a_script_link() {
        String markdown = "| a |\n|---|\n" + "| row |\n".repeat(100);

        assertThat(ReportShortener.shorten(markdown, 200, "https://x.example/a (b)<c>"))
                .contains("[full report](https://x.example/a%20%28b%29%3Cc%3E)");
        assertThat(ReportShortener.shorten(markdown, 200, "javascript:alert(1)"))
                .doesNotContain("javascript").contains("see the full report (report.md among the run's files)");
    }

    @Test
    void should_refuse_a_budget_below_one_character() {
        assertThatThrownBy(() -> ReportShortener.shorten("x", 0, URL))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("budget must be at least 1 character, was 0");
    }

    /** The fixture's history whose latest snapshot has {@code count} contributors; user{n} made n commits. */
    static List<Snapshot> historyWith(int count) {
        List<ContributorStats> contributors = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            contributors.add(new ContributorStats(String.format(Locale.ROOT, "user%04d", n), n, 1, 1, 1, 1, 10L * n, n));
        }
        return Fixtures.history(Fixtures.REPO, contributors);
    }
}
