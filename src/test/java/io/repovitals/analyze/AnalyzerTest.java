package io.repovitals.analyze;

import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.repovitals.analyze.Histories.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalyzerTest {
    private final Analyzer analyzer = new Analyzer();

    @Test
    void should_forecast_from_weekly_snapshots_with_more_history_than_the_recent_window() {
        // 60 weekly points of stars, 100 + 10 a week, now 690. The 203 days the other analyses look at hold 29 of
        // them; the back-test needs 4 weeks to train, 4 ahead (28 days, within half a week of 30) and 39 origins, 47,
        // so it takes the whole history: origins at weeks 4..55, 52. Every method back-tests without error, so the
        // random walk with drift stays: 690 + 30 · 10/7 = 732.857.
        double[] stars = new double[60];
        for (int i = 0; i < stars.length; i++) {
            stars[i] = 100 + 10 * i;
        }

        Forecast forecast = new Analyzer().analyze(Histories.REPO, Histories.weekly().with("repo.stars", stars).build())
                .forecasts().get("repo.stars");

        assertThat(forecast).isNotNull();
        assertThat(forecast.origins()).isEqualTo(52);
        assertThat(forecast.method()).isEqualTo(Forecast.Method.NAIVE_DRIFT);
        assertThat(forecast.value()).isCloseTo(690 + 300.0 / 7, within(1e-9));
    }

    @Test
    void should_explain_an_empty_history_instead_of_failing() {
        Analysis analysis = analyzer.analyze("acme/widget", List.of());

        assertThat(analysis.asOf()).isNull();
        assertThat(analysis.snapshots()).isZero();
        assertThat(analysis.health().score()).isNull();
        assertThat(analysis.health().explanation()).startsWith("no health score yet");
        assertThat(analysis.trends()).isEmpty();
        assertThat(analysis.forecasts()).isEmpty();
        assertThat(analysis.anomalies()).isEmpty();
        assertThat(analysis.dora().ratings()).isEmpty();
    }

    @Test
    void should_explain_a_one_point_history_instead_of_failing() {
        List<Snapshot> one = Histories.daily().with("prs.merged", 3).with("repo.stars", 10)
                .with("dora.lead_time_hours.p50", 5).build();

        Analysis analysis = analyzer.analyze("acme/widget", one);

        assertThat(analysis.asOf()).isEqualTo(NOW);
        assertThat(analysis.trends()).isEmpty();
        assertThat(analysis.forecasts()).isEmpty();
        assertThat(analysis.anomalies()).isEmpty();
        // prs.merged 3 between (1, 30) and (5, 60): 30 + 2/4 · 30 = 45, the only conclusive component.
        assertThat(analysis.health().score()).isEqualTo(45.0);
        assertThat(analysis.health().grade()).isEqualTo(Grade.D);
        assertThat(analysis.dora().ratings()).singleElement()
                .satisfies(rating -> assertThat(rating.band()).isEqualTo(DoraBand.ELITE));
    }

    @Test
    void should_analyse_every_metric_and_forecast_the_chosen_ones() {
        // 120 days: stars +2 a day, CI failure rate around 8 % and 41 % today.
        double[] stars = new double[120];
        double[] failures = new double[120];
        for (int i = 0; i < 120; i++) {
            stars[i] = 50 + 2 * i;
            failures[i] = 0.06 + 0.01 * (i % 5);
        }
        failures[119] = 0.41;
        List<Snapshot> history = Histories.daily().with("repo.stars", stars).with("ci.failure_rate", failures).build();

        Analysis analysis = analyzer.analyze("acme/widget", history);

        assertThat(analysis.trends()).containsOnlyKeys("repo.stars", "ci.failure_rate");
        // 90 daily points in the window, slope 2 a day = 14 a week, certain.
        assertThat(analysis.trends().get("repo.stars").points()).isEqualTo(90);
        assertThat(analysis.trends().get("repo.stars").slopePerWeek()).isCloseTo(14.0, within(1e-9));
        assertThat(analysis.trends().get("repo.stars").direction()).isEqualTo(Trend.Direction.RISING);
        assertThat(analysis.forecasts()).containsOnlyKeys("repo.stars");
        // Last 288 + 2 · 30 = 348.
        assertThat(analysis.forecasts().get("repo.stars").value()).isCloseTo(348.0, within(1e-6));
        assertThat(analysis.anomalies()).extracting(Anomaly::metric).containsExactly("ci.failure_rate");
    }

    @Test
    void should_order_snapshots_and_let_a_rerun_replace_its_instant() {
        List<Snapshot> history = new ArrayList<>(Histories.weekly().with("contributors.active", 1, 2, 3, 4, 5).build());
        java.util.Collections.reverse(history);
        history.add(Histories.snapshot("acme/widget", NOW, Map.of("contributors.active", 0.5)));

        Analysis analysis = analyzer.analyze("acme/widget", history);

        // Now 0.5 (the re-run) against 1, 2, 3, 4: beats none -> 0.
        assertThat(analysis.snapshots()).isEqualTo(5);
        assertThat(analysis.health().components().get(0).score()).isZero();
    }

    @Test
    void should_refuse_a_snapshot_of_another_repository() {
        List<Snapshot> mixed = List.of(Histories.snapshot("acme/other", NOW, Map.of()));

        assertThatThrownBy(() -> analyzer.analyze("acme/widget", mixed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acme/other");
    }

    @Test
    void should_rank_an_organisation_by_score_with_ties_sharing_a_rank() {
        // One point each, contributors only, scored on bands: 10 -> 80, 3 -> 50, 3 -> 50; none has no score.
        Map<String, List<Snapshot>> histories = new LinkedHashMap<>();
        histories.put("acme/small", Histories.daily("acme/small").with("contributors.active", 3).build());
        histories.put("acme/none", List.of());
        histories.put("acme/big", Histories.daily("acme/big").with("contributors.active", 10).build());
        histories.put("acme/also-small", Histories.daily("acme/also-small").with("contributors.active", 3).build());

        OrgAnalysis org = analyzer.analyzeAll(histories);

        assertThat(org.ranking()).extracting(OrgAnalysis.Rank::rank, OrgAnalysis.Rank::repository, OrgAnalysis.Rank::score)
                .containsExactly(
                        tuple(1, "acme/big", 80.0),
                        tuple(2, "acme/also-small", 50.0),
                        tuple(2, "acme/small", 50.0),
                        tuple(0, "acme/none", null));
        assertThat(org.repositories()).extracting(Analysis::repository)
                .containsExactly("acme/big", "acme/also-small", "acme/small", "acme/none");
    }
}
