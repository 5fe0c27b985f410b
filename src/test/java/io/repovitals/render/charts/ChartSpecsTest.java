package io.repovitals.render.charts;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.Analyzer;
import io.repovitals.analyze.Forecast;
import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Which charts a history gets, and the points of each, worked out by hand from small histories. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChartSpecsTest {
    private static final double NaN = Double.NaN;
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private final ChartSpecs specs = new ChartSpecs();

    private List<ChartSpec> specsOf(List<Snapshot> history) {
        return specs.specs(history, new Analyzer().analyze(TestHistories.REPO, history));
    }

    private static ChartSpec chart(List<ChartSpec> charts, String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void should_show_the_last_90_days_only() {
        // 100 days of stars, 100 on the first day (Aug 13) and one more each day: 199 on Nov 20.
        List<ChartSpec> charts = specsOf(TestHistories.daily().ramp("repo.stars", 100, 100, 1).build());

        ChartSpec.Series stars = chart(charts, "stars").series().get(0);
        assertThat(stars.name()).isEqualTo("Stars");
        assertThat(stars.points()).hasSize(90);
        // Nov 20 minus 89 days is Aug 23, the 11th day of the history: 100 + 10.
        assertThat(stars.first()).isEqualTo(new ChartSpec.Point(LocalDate.parse("2026-08-23"), 110));
        assertThat(stars.last()).isEqualTo(new ChartSpec.Point(TODAY, 199));
    }

    @Test
    void should_leave_out_days_without_the_metric_and_series_without_any_day() {
        List<ChartSpec> charts = specsOf(TestHistories.daily()
                .with("repo.stars", 5, 6, 7, 8, 9)
                .with("repo.forks", 10, NaN, 12, NaN, 13)
                .build());

        // Stars and forks are drawn apart: each on its own axis.
        assertThat(charts).extracting(ChartSpec::id).containsExactly("stars", "forks");
        assertThat(chart(charts, "stars").series()).extracting(ChartSpec.Series::name).containsExactly("Stars");
        assertThat(chart(charts, "forks").series().get(0).points()).containsExactly(
                new ChartSpec.Point(LocalDate.parse("2026-11-16"), 10),
                new ChartSpec.Point(LocalDate.parse("2026-11-18"), 12),
                new ChartSpec.Point(TODAY, 13));
    }

    @Test
    void should_put_each_metric_group_in_its_chart_with_ci_failure_rate_in_percent() {
        List<ChartSpec> charts = specsOf(TestHistories.daily()
                .with("prs.opened", 4, 6)
                .with("prs.time_to_merge_hours.p90", 30, 20)
                .with("issues.stale", 2, 3)
                .with("issues.open_age_days.p50", 40, 41)
                .with("ci.duration_minutes.p50", 8.5, 9)
                .with("ci.failure_rate", 0.25, 0.125)
                .build());

        assertThat(charts).extracting(ChartSpec::id).contains("pr-throughput", "review-merge-time", "issue-age",
                "issue-attention", "ci-duration", "ci-failure-rate");
        assertThat(chart(charts, "ci-failure-rate").series().get(0).points()).extracting(ChartSpec.Point::value)
                .containsExactly(25.0, 12.5);
        assertThat(chart(charts, "review-merge-time").series()).extracting(ChartSpec.Series::name, ChartSpec.Series::metric)
                .containsExactly(tuple("p90 time to merge", "prs.time_to_merge_hours.p90"));
        assertThat(chart(charts, "issue-age").series()).extracting(ChartSpec.Series::name).containsExactly("Median age of open issues");
        assertThat(chart(charts, "pr-throughput").yLabel()).isEqualTo("pull requests per 7 days");
        assertThat(chart(charts, "ci-duration").series()).extracting(ChartSpec.Series::name)
                .containsExactly("Median CI duration");
    }

    @Test
    void should_let_the_later_snapshot_of_a_day_stand_for_it() {
        List<Snapshot> history = new ArrayList<>(TestHistories.daily().with("repo.stars", 5, 6).build());
        history.add(TestHistories.snapshot(TestHistories.NOW.plus(Duration.ofHours(3)), Map.of("repo.stars", 9)));

        ChartSpec.Series stars = chart(specsOf(history), "stars").series().get(0);

        assertThat(stars.points()).extracting(ChartSpec.Point::value).containsExactly(5.0, 9.0);
    }

    @Test
    void should_draw_the_forecast_band_from_the_last_point_to_the_forecast_day_and_say_it_in_the_alt_text() {
        List<Snapshot> history = TestHistories.daily().ramp("repo.stars", 91, 120, 2.0 / 3).build();
        Analysis analyzed = new Analyzer().analyze(TestHistories.REPO, history);
        var forecasts = new TreeMap<String, Forecast>(Map.of("repo.stars",
                new Forecast("repo.stars", 30, 198, 190, 205, Forecast.Method.LINEAR, 1.5, 2.0, 40, "stars 198 in 30 days")));
        Analysis analysis = new Analysis(analyzed.repository(), analyzed.asOf(), analyzed.snapshots(), analyzed.health(),
                analyzed.trends(), forecasts, analyzed.anomalies(), analyzed.dora());

        ChartSpec chart = chart(specs.specs(history, analysis), "stars");

        assertThat(chart.bands()).hasSize(1);
        assertThat(chart.bandOf("Stars").orElseThrow().points()).containsExactly(
                new ChartSpec.BandPoint(TODAY, 180, 180, 180),
                new ChartSpec.BandPoint(LocalDate.parse("2026-12-20"), 190, 198, 205));
        // 90 days shown: Aug 23 is day 1 of the 91, 120 + 2/3 = 120.7; Nov 20 is 120 + 90 * 2/3 = 180.
        assertThat(chart.altText()).isEqualTo("Stars, last 90 days: Stars rose from 120.7 to 180 over 89 days."
                + " Stars forecast 190 to 205 in 30 days.");
    }

    @Test
    void should_say_when_a_line_stayed_flat_or_fell_with_the_unit() {
        List<ChartSpec> charts = specsOf(TestHistories.daily()
                .with("ci.duration_minutes.p50", 12, 10, 9.5)
                .with("ci.duration_minutes.p90", 20, 25, 20)
                .build());

        assertThat(chart(charts, "ci-duration").altText()).isEqualTo("CI run duration, last 90 days:"
                + " Median CI duration fell from 12 min to 9.5 min over 2 days. p90 CI duration stayed at 20 min over 2 days.");
    }

    @Test
    void should_chart_the_weekly_health_score_as_the_analysis_gives_it_on_each_day() {
        // Pull requests merged daily (7-day windows) for 120 days: the PR throughput component has data.
        double[] merged = new double[120];
        for (int i = 0; i < merged.length; i++) {
            merged[i] = 3 + (i * 7 % 11);
        }
        List<Snapshot> history = TestHistories.daily().with("prs.merged", merged).build();
        Analyzer analyzer = new Analyzer();

        ChartSpec health = chart(specs.specs(history, analyzer.analyze(TestHistories.REPO, history)), "health-score");

        List<ChartSpec.Point> points = health.series().get(0).points();
        // Nov 20 and every 7th day before it back to Aug 28, the last one within 90 days (Aug 23 .. Nov 20).
        assertThat(points).extracting(ChartSpec.Point::day).hasSize(13)
                .startsWith(LocalDate.parse("2026-08-28"), LocalDate.parse("2026-09-04"))
                .endsWith(LocalDate.parse("2026-11-13"), TODAY);
        for (ChartSpec.Point point : points) {
            List<Snapshot> upToThatDay = history.stream()
                    .filter(s -> !ChartSpecs.day(s).isAfter(point.day())).toList();
            assertThat(point.value()).as(point.day().toString())
                    .isEqualTo(analyzer.analyze(TestHistories.REPO, upToThatDay).health().score());
        }
    }

    @Test
    void should_leave_out_a_series_with_a_single_point_as_it_draws_no_line() {
        // PRs opened on all three days, merged only on the last: the merged line is left out, the chart stays.
        List<ChartSpec> charts = specsOf(TestHistories.daily()
                .with("prs.opened", 5, 6, 7)
                .with("prs.merged", NaN, NaN, 2)
                .build());

        assertThat(chart(charts, "pr-throughput").series()).extracting(ChartSpec.Series::name).containsExactly("PRs opened");
    }

    @Test
    void should_give_no_charts_for_an_empty_history() {
        assertThat(specsOf(List.of())).isEmpty();
    }
}
