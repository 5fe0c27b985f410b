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
        // More stars is better news, so the arrow says so.
        assertThat(report).contains("| stargazers `repo.stars` | 1,240 | 1,220 | ↑ better | ▁▂▂▃▃▄▅▅▆▆▇▇█ |");
        // First review 10 − 0.5·12 = 4 h this week, 4.5 h last week, falling: a shorter wait is better.
        assertThat(report).contains("| median time to first review `prs.time_to_first_review_hours.p50` | 4 h | 4.5 h | ↓ better |");
        // Open issues 40 − i fall, but fewer open issues is neither good nor bad news by itself: no word.
        assertThat(report).contains("| open issues `repo.open_issues` | 28 | 29 | ↓ |");
        assertThat(report).contains("| metric | this week | last week | trend, 90 days | weekly, 90 days |",
                "Trend: the slope of the last 90 days");
        // CI: 0.05 + 0.01 (week 11 is odd) = 6 % last week, 60 % now; the jump is the anomaly.
        assertThat(report).contains("| failed share of decided runs `ci.failure_rate` | 60 % | 6 % |");
        // The 12 past weeks are 5 % and 6 % six times each: R-7 quartiles (h = 2.75 and 8.25) 5 % and 6 %.
        assertThat(report).contains("### Anomalies\n\n- CI failure rate: 60 %; usually 5 % to 6 %\n");
        // 13 weekly points: 4 weeks to train, 4 ahead and 39 origins would take 47. Every forecast metric has those 13
        // points, so all ten share one line. Only what GitHub would read as markup is escaped: the parentheses stay.
        assertThat(report).contains("- Not enough history for a forecast yet (13 points; the back-test at 30 days needs about 47):"
                + " commits, active contributors,").contains(", forks, stars\n")
                .doesNotContain("- stars: not enough history");
        // Most active first: alice 12+3+2+4+5 = 26, carol 2+1+0+6+9 = 18, bob 5+2+2+1+0 = 10.
        assertThat(report.indexOf("| alice |")).isLessThan(report.indexOf("| carol |"));
        assertThat(report.indexOf("| carol |")).isLessThan(report.indexOf("| bob |"));
        // Waiting longest first: 76 h = 3 d 4 h, 30 h, 0.75 h = 45 min. The 118-character title is cut at the
        // last space before its 60th character (54 characters) with an ellipsis; its link's title keeps it whole.
        assertThat(report).contains("| #38 | [Bump deps](https://github.com/acme/rocket/pull/38) | frank | 3 d 4 h |",
                "| #41 | [Add retry with exponential backoff to uploads when the…](https://github.com/acme/rocket/pull/41 \""
                        + Fixtures.LONG_TITLE + "\") | dave | 30 h |",
                "| #44 | [Docs: fix typo](https://github.com/acme/rocket/pull/44) | erin | 45 min |");
        assertThat(report).contains("![stars over 90 days](https://example.org/charts/stars.png)",
                "```mermaid\nxychart-beta\n  bar [10, 11, 12]\n```");
        assertThat(report).contains("last week's column: 2026-11-13 06:00 UTC", "cost 42 API requests (GraphQL cost 7)",
                "- `repo.stars_gained`: GitHub withholds star times");
    }

    @Test
    void should_open_with_a_digest_of_what_changed_and_what_needs_a_maintainer() {
        String report = reports.weekly(Fixtures.report(Fixtures.history(), Fixtures.waiting(), List.of()));
        String digest = report.substring(report.indexOf("\n- "), report.indexOf("### Health"));

        assertThat(digest.strip().split("\n")).containsExactly(
                // The one anomaly, judged by the metric's direction: a higher failure rate is worse.
                "- **Worse than usual:** CI failure rate: 60 %; usually 5 % to 6 %.",
                // Contributors 25 now (9 active: 6 past weeks had 9, 6 had 10, (0 + 6/2)/12); last week 10 active
                // against 6 weeks of 9 and 5 of 10: (6 + 5/2)/11 = 77.3. Weighted: 0.3 · -52.3 = -15.7, more than
                // PR throughput's 0.2 · (16.7 - 86.4) = -13.9.
                "- Health fell 29.7 points since last week, most of it from Contributors (25 of 100, was 77.3): 9 active contributors.",
                // Time to merge 30 + i rises and first review 10 - 0.5·i falls, both significant; worse first. CI failure
                // rate is left out (the anomaly named it), stars and forks (running totals always rise) and open
                // issues (neither good nor bad) too.
                "- Median time to merge: rising over the last 90 days, worse; 42 h this week, 41 h a week before.",
                "- Median first review: falling over the last 90 days, better; 4 h this week, 4.5 h a week before.",
                // #38 waits longest (76 h); the other 2 of the 3 listed wait too.
                "- **Waiting for review:** [#38](https://github.com/acme/rocket/pull/38) has waited 3 d 4 h for a first review: Bump deps; 2 more wait.");
    }

    @Test
    void should_say_why_each_component_scored_so_in_the_catalogs_words() {
        String report = reports.weekly(Fixtures.report(Fixtures.history(), null, List.of()));

        assertThat(report).contains(
                "The score is the weighted mean of 5 components",
                // 9 active now; the 12 past weeks had 9 (even i) and 10 (odd i) six times each.
                "- **Contributors** 25 of 100 (weight 30 %): 9 active contributors, as many as in 6 and fewer than in 6 of the last 12 weeks.",
                // 10 merged now; past weeks 10, 11, 12 four times each.
                "- **PR throughput** 16.7 of 100 (weight 20 %): 10 PRs merged, as many as in 4 and fewer than in 8 of the last 12 weeks.",
                // 4 h, below every past week's 10 - 0.5·i.
                "- **Review velocity** 100 of 100 (weight 20 %): median first review 4 h, shorter than in any of the last 12 weeks.",
                "- **Issue freshness** 50 of 100 (weight 15 %): 4 stale issues, as many as in each of the last 12 weeks.",
                // Forks grow by 1 every week; growth needs the week before, so 11 past weeks.
                "- **Fork growth** 50 of 100 (weight 15 %): 1 new fork this week, as many as in each of the last 11 weeks.")
                .doesNotContain("pr_throughput", "pr\\_throughput", "45\\.8");
    }

    @Test
    void should_say_a_quiet_week_in_one_line() {
        // Every metric the same in all 13 weeks: no anomaly, no trend, no score change, no PR waiting.
        List<Snapshot> flat = Fixtures.history().stream().map(s -> new Snapshot(s.schemaVersion(), s.repository(), s.asOf(),
                s.windowDays(), Fixtures.metrics(0), s.missing(), s.contributors(), s.traffic(), s.collection())).toList();

        String report = reports.weekly(Fixtures.report(flat, List.of(), List.of()));

        assertThat(report).contains("DORA bands", "\n\n- A quiet week: nothing unusual, no significant change, and no pull"
                + " request waiting for a first review.\n\n### Health");
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
        assertThat(summary).contains("| stargazers `repo.stars` | 1,240 | 1,220 | ↑ better |").doesNotContain("| rank |");
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
