package io.repovitals.analyze;

import io.repovitals.model.HealthWeights;

import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HealthScoreTest {
    private static final double EXACT = 1e-9;

    /**
     * Five weekly snapshots: four past weeks and this one.
     * <pre>
     * contributors.active   past 4, 6, 8, 10   now 9   beats 4, 6, 8            -> 3/4   = 75
     * prs.merged            past 5, 5, 5, 5    now 5   four ties, half each     -> 2/4   = 50
     * review p50 hours      past 10, 20, 5, 30 now 8   lower is better: beats 10, 20, 30 -> 75
     * issues.stale          past 3, 4, 5, 1    now 2   lower is better: beats 3, 4, 5    -> 75
     * repo.forks            100, 102, 105, 105, 110: weekly growth 2, 3, 0 and now 5;
     *                       only 3 past growth weeks -> bands: 5 is the anchor (5, 75)   -> 75
     * score = 0.30*75 + 0.20*50 + 0.20*75 + 0.15*75 + 0.15*75 = 22.5 + 10 + 15 + 11.25 + 11.25 = 70.0 -> B
     * </pre>
     */
    private static List<Snapshot> smallHistory() {
        return Histories.weekly()
                .with("contributors.active", 4, 6, 8, 10, 9)
                .with("prs.merged", 5, 5, 5, 5, 5)
                .with("prs.time_to_first_review_hours.p50", 10, 20, 5, 30, 8)
                .with("issues.stale", 3, 4, 5, 1, 2)
                .with("repo.forks", 100, 102, 105, 105, 110)
                .build();
    }

    @Test
    void should_score_each_component_of_a_small_history_as_worked_out_by_hand() {
        HealthScore health = HealthScore.of(smallHistory(), HealthWeights.DEFAULTS);

        assertThat(health.components()).extracting(ComponentScore::name, ComponentScore::score, ComponentScore::basis)
                .containsExactly(
                        tuple("contributors", 75.0, ComponentScore.Basis.HISTORY),
                        tuple("pr_throughput", 50.0, ComponentScore.Basis.HISTORY),
                        tuple("review_velocity", 75.0, ComponentScore.Basis.HISTORY),
                        tuple("issue_freshness", 75.0, ComponentScore.Basis.HISTORY),
                        tuple("fork_growth", 75.0, ComponentScore.Basis.REFERENCE_BANDS));
        assertThat(health.score()).isCloseTo(70.0, within(EXACT));
        assertThat(health.grade()).isEqualTo(Grade.B);
    }

    @Test
    void should_carry_how_this_week_compares_with_each_past_week_so_that_a_report_need_not_recount() {
        HealthScore health = HealthScore.of(smallHistory(), HealthWeights.DEFAULTS);

        // By hand, this week (the last value) against the 4 weeks before it, counting smaller, equal, larger:
        // contributors 9 vs 4, 6, 8, 10 -> 3, 0, 1; PRs merged 5 vs 5, 5, 5, 5 -> 0, 4, 0;
        // first review 8 vs 10, 20, 5, 30 -> 1, 0, 3; stale 2 vs 3, 4, 5, 1 -> 1, 0, 3;
        // forks 100, 102, 105, 105, 110 grow 2, 3, 0 then 5 this week: 5 vs 2, 3, 0 -> 3, 0, 0 (3 past weeks).
        assertThat(health.components()).extracting(ComponentScore::pastWeeks).containsExactly(
                new ComponentScore.PastWeeks(3, 0, 1, 26, 4),
                new ComponentScore.PastWeeks(0, 4, 0, 26, 4),
                new ComponentScore.PastWeeks(1, 0, 3, 26, 4),
                new ComponentScore.PastWeeks(1, 0, 3, 26, 4),
                new ComponentScore.PastWeeks(3, 0, 0, 26, 4));
        assertThat(health.components()).extracting(ComponentScore::value).containsExactly(9.0, 5.0, 8.0, 2.0, 5.0);
        assertThat(health.components()).extracting(ComponentScore::measure).containsExactly(
                ComponentScore.Measure.WEEKLY_VALUE, ComponentScore.Measure.WEEKLY_VALUE, ComponentScore.Measure.WEEKLY_VALUE,
                ComponentScore.Measure.WEEKLY_VALUE, ComponentScore.Measure.WEEKLY_GROWTH);
        assertThat(health.components()).extracting(ComponentScore::label)
                .containsExactly("contributors", "PR throughput", "review velocity", "issue freshness", "fork growth");
        assertThat(health.components()).extracting(ComponentScore::leftOut).containsOnlyNulls();
    }

    @Test
    void should_explain_each_component_in_one_line() {
        HealthScore health = HealthScore.of(smallHistory(), HealthWeights.DEFAULTS);

        assertThat(health.components()).extracting(ComponentScore::explanation).containsExactly(
                "contributors 75: 9 active contributors this week, more than 75% of the last 4 weeks",
                "PR throughput 50: 5 PRs merged this week, more than 50% of the last 4 weeks",
                "review velocity 75: median first review 8.0 h, faster than 75% of the last 4 weeks",
                "issue freshness 75: 2 stale issues, fewer than 75% of the last 4 weeks",
                "fork growth 75: 5 new forks this week, scored on fixed reference bands because there are only"
                        + " 3 past weeks of history (4 needed)");
        assertThat(health.explanation()).isEqualTo("health 70 (B) from 5 of 5 components");
    }

    @Test
    void should_rank_a_lower_value_higher_when_lower_is_better() {
        // Same numbers, two directions. Past 10, 20, 30, 40 and now 15:
        // review velocity (lower is better) beats 20, 30, 40 -> 75; PR throughput (higher is better) beats 10 -> 25.
        List<Snapshot> history = Histories.weekly()
                .with("prs.time_to_first_review_hours.p50", 10, 20, 30, 40, 15)
                .with("prs.merged", 10, 20, 30, 40, 15)
                .build();

        assertThat(new ReviewVelocityComponent().score(history, 0.2).score()).isEqualTo(75.0);
        assertThat(new PrThroughputComponent().score(history, 0.2).score()).isEqualTo(25.0);
    }

    @Test
    void should_use_reference_bands_with_fewer_than_four_past_weeks_and_say_so() {
        // contributors 5 lies between anchors (3, 50) and (10, 80): 50 + (5 - 3) / (10 - 3) * 30 = 58.571...
        // review 48 h lies between (24, 70) and (72, 40): 70 - (48 - 24) / (72 - 24) * 30 = 55.
        List<Snapshot> history = Histories.weekly()
                .with("contributors.active", 3, 5)
                .with("prs.time_to_first_review_hours.p50", 12, 48)
                .build();

        ComponentScore contributors = new ContributorsComponent().score(history, 0.3);
        ComponentScore review = new ReviewVelocityComponent().score(history, 0.2);

        assertThat(contributors.basis()).isEqualTo(ComponentScore.Basis.REFERENCE_BANDS);
        assertThat(contributors.score()).isCloseTo(50 + 2.0 / 7 * 30, within(EXACT));
        assertThat(contributors.explanation()).isEqualTo("contributors 59: 5 active contributors this week, scored on"
                + " fixed reference bands because there is only 1 past week of history (4 needed)");
        assertThat(review.score()).isCloseTo(55.0, within(EXACT));
    }

    @Test
    void should_switch_from_bands_to_history_at_exactly_four_past_weeks() {
        // Three past weeks: bands, contributors 10 is the anchor (10, 80).
        // Four past weeks 1, 2, 3, 20 and now 10: beats 1, 2, 3 -> 75.
        List<Snapshot> three = Histories.weekly().with("contributors.active", 2, 3, 20, 10).build();
        List<Snapshot> four = Histories.weekly().with("contributors.active", 1, 2, 3, 20, 10).build();

        assertThat(new ContributorsComponent().score(three, 0.3).score()).isCloseTo(80.0, within(EXACT));
        assertThat(new ContributorsComponent().score(four, 0.3).score()).isEqualTo(75.0);
    }

    @Test
    void should_count_only_weeks_that_have_a_value() {
        // Five weeks, but the metric is missing two weeks ago: 3 past values, so bands (10 -> 80), not a rank.
        List<Snapshot> history = Histories.weekly().with("contributors.active", 1, 2, Double.NaN, 20, 10).build();

        ComponentScore score = new ContributorsComponent().score(history, 0.3);

        assertThat(score.basis()).isEqualTo(ComponentScore.Basis.REFERENCE_BANDS);
        assertThat(score.score()).isCloseTo(80.0, within(EXACT));
    }

    @Test
    void should_take_the_latest_point_of_each_week_from_daily_snapshots() {
        // 35 daily points 0..34 (34 today). Weeks end today: this week's latest is 34, the past weeks'
        // latest are 27, 20, 13, 6 (days 7, 14, 21, 28 ago). 34 beats all four -> 100 from history.
        double[] values = new double[35];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }

        ComponentScore score = new PrThroughputComponent().score(Histories.daily().with("prs.merged", values).build(), 0.2);

        assertThat(score.basis()).isEqualTo(ComponentScore.Basis.HISTORY);
        assertThat(score.score()).isEqualTo(100.0);
        assertThat(score.explanation()).endsWith("of the last 4 weeks");
    }

    @Test
    void should_compare_with_only_the_last_26_weeks() {
        // 30 past weeks: four of 100 long ago, then 26 weeks of 1; now 50.
        // Against the last 26 weeks only, 50 beats all 26 -> 100 (with the old weeks it would be 26/30 = 86.7).
        double[] values = new double[31];
        java.util.Arrays.fill(values, 1);
        values[0] = values[1] = values[2] = values[3] = 100;
        values[30] = 50;
        List<Snapshot> history = Histories.weekly().with("contributors.active", values).build();

        ComponentScore score = new ContributorsComponent().score(history, 0.3);

        assertThat(score.score()).isEqualTo(100.0);
        assertThat(score.explanation()).endsWith("more than 100% of the last 26 weeks");
    }

    @Test
    void should_leave_out_inconclusive_components_and_renormalise_the_weights() {
        // Only contributors (75, weight 0.30) and PR throughput (50, weight 0.20) have data:
        // (0.30 * 75 + 0.20 * 50) / (0.30 + 0.20) = 32.5 / 0.5 = 65 -> C; effective weights 0.6 and 0.4.
        List<Snapshot> history = Histories.weekly()
                .with("contributors.active", 4, 6, 8, 10, 9)
                .with("prs.merged", 5, 5, 5, 5, 5)
                .build();

        HealthScore health = HealthScore.of(history, HealthWeights.DEFAULTS);

        assertThat(health.score()).isCloseTo(65.0, within(EXACT));
        assertThat(health.grade()).isEqualTo(Grade.C);
        assertThat(health.effectiveWeight(health.components().get(0))).isCloseTo(0.6, within(EXACT));
        assertThat(health.effectiveWeight(health.components().get(1))).isCloseTo(0.4, within(EXACT));
        assertThat(health.effectiveWeight(health.components().get(2))).isZero();
        assertThat(health.components().get(2).explanation())
                .isEqualTo("review velocity: no median first review measured in the last 7 days, left out of the score");
        assertThat(health.explanation()).isEqualTo("health 65 (C) from 2 of 5 components; left out for lack of data,"
                + " weights re-normalised: review velocity, issue freshness, fork growth");
    }

    @Test
    void should_apply_configured_weights() {
        // All weight on PR throughput: the score is that component's 50.
        HealthWeights prOnly = HealthWeights.of(Map.of("contributors", 0.0, "pr_throughput", 1.0,
                "review_velocity", 0.0, "issue_freshness", 0.0, "fork_growth", 0.0));

        assertThat(HealthScore.of(smallHistory(), prOnly).score()).isCloseTo(50.0, within(EXACT));
    }

    @Test
    void should_reject_weights_that_do_not_sum_to_one() {
        assertThatThrownBy(() -> new HealthWeights(0.3, 0.2, 0.2, 0.15, 0.16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> HealthWeights.of(Map.of("contributors", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("health weights are missing for pr_throughput, review_velocity, issue_freshness, fork_growth");
        assertThatThrownBy(() -> HealthWeights.of(Map.of("stars", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown health component 'stars'");
    }

    @Test
    void should_grade_at_the_boundaries_of_metrics_md() {
        assertThat(Grade.of(85)).isEqualTo(Grade.A);
        assertThat(Grade.of(84.9)).isEqualTo(Grade.B);
        assertThat(Grade.of(70)).isEqualTo(Grade.B);
        assertThat(Grade.of(69.9)).isEqualTo(Grade.C);
        assertThat(Grade.of(55)).isEqualTo(Grade.C);
        assertThat(Grade.of(54.9)).isEqualTo(Grade.D);
        assertThat(Grade.of(40)).isEqualTo(Grade.D);
        assertThat(Grade.of(39.9)).isEqualTo(Grade.F);
    }
}
