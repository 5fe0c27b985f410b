package io.repovitals.render;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.Analyzer;
import io.repovitals.analyze.Anomaly;
import io.repovitals.analyze.OrgAnalysis;
import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template on the fixed history of {@link Fixtures}, compared with src/test/resources/golden/*.md
 * exactly, with every table's rows checked against its header and the figures that matter worked out by hand.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoldenTemplatesTest {
    private final Reports reports = new Reports(Optional.empty());

    @Test
    void should_render_the_weekly_report_as_the_golden_file() throws IOException {
        String report = reports.weekly(Fixtures.report(Fixtures.history(), Fixtures.waiting(),
                List.of(ChartView.image("Stars", "stars over 90 days", "https://example.org/charts/stars.png"),
                        ChartView.mermaid("PRs merged", "PRs merged a week", "xychart-beta\n  bar [10, 11, 12]"))));

        GoldenFiles.assertMatches("report.md", report);
        assertThat(MarkdownTables.assertConsistent(report)).isEqualTo(4); // key metrics, contributors, waiting, all metrics
        // Week 12: 1000 + 20·12 stars; week 11: 1,220. Rising every week, so the trend is up; 13 weekly points.
        assertThat(report).contains("| stargazers `repo.stars` | 1,240 | 1,220 | ↑ | ▁▂▂▃▃▄▅▅▆▆▇▇█ |");
        // First review 10 − 0.5·12 = 4 h this week, 4.5 h last week, falling.
        assertThat(report).contains("| median time to first review `prs.time_to_first_review_hours.p50` | 4 h | 4.5 h | ↓ |");
        // CI: 0.05 + 0.01 (week 11 is odd) = 6 % last week, 60 % now; the jump is the anomaly.
        assertThat(report).contains("| failed share of decided runs `ci.failure_rate` | 60 % | 6 % |");
        // The 12 past weeks are 5 % and 6 % six times each: R-7 quartiles (h = 2.75 and 8.25) 5 % and 6 %.
        assertThat(report).contains("### Anomalies\n\n- CI failure rate: 60 %; usually 5 % to 6 %\n");
        // 13 weekly points: 4 weeks to train, 4 ahead and 39 origins would take 47.
        assertThat(report).contains("- stars: not enough history for a forecast yet \\(13 points; the back\\-test at 30 days needs about 47\\)");
        // Most active first: alice 12+3+2+4+5 = 26, carol 2+1+0+6+9 = 18, bob 5+2+2+1+0 = 10.
        assertThat(report.indexOf("| alice |")).isLessThan(report.indexOf("| carol |"));
        assertThat(report.indexOf("| carol |")).isLessThan(report.indexOf("| bob |"));
        // Waiting longest first: 76 h = 3 d 4 h, 30 h, 0.75 h = 45 min.
        assertThat(report).contains("| #38 | Bump deps | frank | 3 d 4 h |", "| #41 | Add retry to uploads | dave | 30 h |",
                "| #44 | Docs: fix typo | erin | 45 min |");
        assertThat(report).contains("![stars over 90 days](https://example.org/charts/stars.png)",
                "```mermaid\nxychart-beta\n  bar [10, 11, 12]\n```");
        assertThat(report).contains("last week's column: 2026-11-13 06:00 UTC", "cost 42 API requests (GraphQL cost 7)",
                "- `repo.stars_gained`: GitHub withholds star times");
    }

    @Test
    void should_list_the_five_most_severe_anomalies_in_the_issue_and_every_one_in_the_full_report() {
        List<Snapshot> history = Fixtures.history();
        Analysis analyzed = Fixtures.analysis(history);
        List<Anomaly> seven = new java.util.ArrayList<>();
        for (int i = 7; i >= 1; i--) {
            seven.add(new Anomaly("m.a" + i, "m.a" + i, Fixtures.NOW, 1, 0, 0, 0, null, 3.5 + i, "poisson", 90, 12,
                    3.5, "anomaly " + i));
        }
        Analysis withSeven = new Analysis(analyzed.repository(), analyzed.asOf(), analyzed.snapshots(), analyzed.health(),
                analyzed.trends(), analyzed.forecasts(), seven, analyzed.dora(), analyzed.withheld());
        String url = "https://github.com/acme/rocket/blob/repo-vitals-data/reports/2026-W47.md";

        String issue = reports.weekly(new RepositoryReport(withSeven, history, null, List.of(), url));
        String full = reports.weekly(new RepositoryReport(withSeven, history, null, List.of(), null));

        assertThat(issue).contains("- anomaly 7\n- anomaly 6\n- anomaly 5\n- anomaly 4\n- anomaly 3\n- 2 more in the [full report]("
                + url + ")\n").doesNotContain("anomaly 2").doesNotContain("anomaly 1\n");
        assertThat(full).contains("- anomaly 7\n- anomaly 6\n- anomaly 5\n- anomaly 4\n- anomaly 3\n- anomaly 2\n- anomaly 1\n")
                .doesNotContain("more in the");
    }

    @Test
    void should_show_the_score_change_against_the_analysis_of_last_weeks_history() {
        List<Snapshot> history = Fixtures.history();
        double now = new Analyzer().analyze(Fixtures.REPO, history).health().score();
        double lastWeek = new Analyzer().analyze(Fixtures.REPO, history.subList(0, history.size() - 1)).health().score();
        String sign = now >= lastWeek ? "+" : "-";

        String report = reports.weekly(Fixtures.report(history, null, List.of()));

        assertThat(report).contains(String.format(java.util.Locale.ROOT, "(%s%.1f since last week)", sign, Math.abs(now - lastWeek))
                .replace(".0 since", " since"));
    }

    @Test
    void should_say_waiting_prs_need_a_live_run_and_leave_out_charts_when_rendered_from_history() throws IOException {
        String report = reports.weekly(Fixtures.report(Fixtures.history(), null, List.of()));

        GoldenFiles.assertMatches("report-history-only.md", report);
        assertThat(report).contains("Only available in a live run").doesNotContain("### Charts");
        MarkdownTables.assertConsistent(report);
    }

    @Test
    void should_show_a_dash_for_last_week_when_no_snapshot_is_within_a_day_of_a_week_ago() {
        // Snapshots 5 and 0 days before now: 7 days ago ± 1 day holds none.
        List<Snapshot> history = Fixtures.history().subList(0, Fixtures.WEEKS).stream()
                .filter(s -> s.asOf().equals(Fixtures.NOW)).toList();
        Snapshot latest = history.get(0);
        Snapshot fiveDaysBefore = new Snapshot(latest.schemaVersion(), latest.repository(),
                latest.asOf().minus(Duration.ofDays(5)), 7, latest.metrics(), latest.missing(), List.of(), List.of(),
                latest.collection());
        List<Snapshot> twoPoints = List.of(fiveDaysBefore, latest);

        String report = reports.weekly(Fixtures.report(twoPoints, null, List.of()));

        assertThat(report).contains("| stargazers `repo.stars` | 1,240 | – |")
                .contains("(– since last week)")
                .contains("last week's column: none (no snapshot within a day of a week before)");
    }

    @Test
    void should_render_the_summary_of_one_repository_as_the_golden_file() throws IOException {
        String summary = reports.summary(List.of(Fixtures.report(Fixtures.history(), null, List.of())));

        GoldenFiles.assertMatches("summary-one.md", summary);
        assertThat(MarkdownTables.assertConsistent(summary)).isEqualTo(1);
        assertThat(summary).contains("| stargazers `repo.stars` | 1,240 | 1,220 | ↑ |").doesNotContain("| rank |");
    }

    @Test
    void should_render_the_summary_of_several_repositories_as_a_ranking_and_headlines() throws IOException {
        List<RepositoryReport> inputs = List.of(Fixtures.report(Fixtures.history(), null, List.of()),
                Fixtures.report(quietHistory("acme/launchpad"), null, List.of()));

        String summary = reports.summary(inputs);

        GoldenFiles.assertMatches("summary-several.md", summary);
        assertThat(MarkdownTables.assertConsistent(summary)).isEqualTo(1);
        assertThat(MarkdownTables.rowCounts(summary)).containsExactly(2);
        assertThat(summary).contains("### acme/rocket", "### acme/launchpad");
    }

    @Test
    void should_render_the_pr_comment_as_the_golden_file() throws IOException {
        PrVelocity pr = new PrVelocity(Fixtures.REPO, 57, "Speed up the build", "alice", false, false, Fixtures.NOW,
                30.0, null, 50.0, 300, 120, 9, 0,
                new PrVelocity.Usual(6.0, 20.0, 12), new PrVelocity.Usual(40.0, 96.0, 12),
                new PrVelocity.Usual(150.0, 600.0, 12), new PrVelocity.Usual(1.0, null, 12),
                List.of("bob", "carol"));

        String comment = reports.prComment(pr);

        GoldenFiles.assertMatches("pr-comment.md", comment);
        assertThat(MarkdownTables.assertConsistent(comment)).isEqualTo(1);
        // 30 h waiting > p90 20 h; 50 h (2 d 2 h) open lies between p50 40 h and p90 96 h (4 d); 420 lines between 150 and 600; 0 < 1 review.
        assertThat(comment).contains("| waiting for a first review | 30 h | 6 h | 20 h | slower than usual |",
                "| time to merge so far | 2 d 2 h | 40 h | 4 d | longer than the median, within the usual range |",
                "| size | 420 lines, 9 files | 150 lines | 600 lines | within the usual range |",
                "| reviews | 0 | 1 | – | fewer than usual |",
                "Could review (reviewed in this repository recently): bob, carol");
    }

    @Test
    void should_render_the_organisation_report_as_the_golden_file() throws IOException {
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        histories.put(Fixtures.REPO, Fixtures.history());
        histories.put("acme/launchpad", quietHistory("acme/launchpad"));
        OrgAnalysis org = new Analyzer().analyzeAll(histories);

        String report = reports.organisation(org, histories);

        GoldenFiles.assertMatches("org-report.md", report);
        assertThat(MarkdownTables.assertConsistent(report)).isEqualTo(3);
        // Stars: 1,240 + 500 = 1,740 in total, median (1,240 + 500) / 2 = 870.
        assertThat(report).contains("| stargazers `repo.stars` | 2 | 1,740 | 870 |");
        // CI failure rate: a share has no total; median of 60 % and 10 % is 35 %.
        assertThat(report).contains("| failed share of decided runs `ci.failure_rate` | 2 | – | 35 % |");
        assertThat(report).contains("- **acme/rocket**: CI failure rate: 60 %; usually 5 % to 6 %");
    }

    /** 13 weeks of the same values: stars 500, CI failure rate 10 %, no deployments (so no DORA rating). */
    static List<Snapshot> quietHistory(String repository) {
        return Fixtures.history(repository, List.of()).stream().map(s -> new Snapshot(s.schemaVersion(), repository,
                s.asOf(), 7, new java.util.TreeMap<>(Map.of("repo.stars", 500L, "ci.failure_rate", 0.1,
                "prs.merged", 4L, "contributors.active", 3L)), new java.util.TreeMap<>(), List.of(), List.of(),
                s.collection())).toList();
    }
}
