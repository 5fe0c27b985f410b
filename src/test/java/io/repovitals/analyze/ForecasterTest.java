package io.repovitals.analyze;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.repovitals.analyze.Histories.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecasterTest {
    private static final Forecaster FORECASTER = new Forecaster(30, 90, Set.of("repo.stars", "repo.forks"));

    /**
     * y = 1, 3, 2, 5, 4 at x = -4..0 days, forecast at x0 = +2. From the trend test: slope 0.8,
     * ȳ = 3 at x̄ = -2, s² = 1.2, Sxx = 10. ŷ = 3 + 0.8 (2 - (-2)) = 6.2.
     * Half-width = t(0.975, 3) · s · sqrt(1 + 1/5 + (2 + 2)²/10) = 3.1824463 · 1.0954451 · sqrt(2.8)
     *            = 3.1824463 · 1.0954451 · 1.6733201 = 5.8335204, so [0.3664796, 12.0335204]
     * (t quantile from tables: 3.182; scipy.stats.t.ppf(0.975, 3) = 3.1824463).
     */
    @Test
    void should_give_the_linear_forecast_and_prediction_interval_worked_out_by_hand() {
        Prediction prediction = new LinearModel(new double[] {-4, -3, -2, -1, 0}, new double[] {1, 3, 2, 5, 4}).predict(2);

        assertThat(prediction.value()).isCloseTo(6.2, within(1e-12));
        assertThat(prediction.halfWidth()).isCloseTo(3.1824463 * Math.sqrt(1.2) * Math.sqrt(2.8), within(1e-6));
        assertThat(prediction.value() - prediction.halfWidth()).isCloseTo(0.3664796, within(1e-6));
        assertThat(prediction.value() + prediction.halfWidth()).isCloseTo(12.0335204, within(1e-6));
    }

    /**
     * Holt with α = β* = 0.5 on 10, 12, 15, 15: ℓ0 = 10, b0 = 2.
     * t=1: forecast 12, error 0;     ℓ = .5·12 + .5·12 = 12,       b = .5(12-10) + .5·2 = 2
     * t=2: forecast 14, error 1;     ℓ = .5·15 + .5·14 = 14.5,     b = .5(2.5) + .5·2 = 2.25
     * t=3: forecast 16.75, error -1.75; ℓ = .5·15 + .5·16.75 = 15.875, b = .5(1.375) + .5·2.25 = 1.8125
     * Two steps: 15.875 + 2 · 1.8125 = 19.5.
     */
    @Test
    void should_give_holts_forecast_worked_out_by_hand() {
        Prediction prediction = HoltModel.withParameters(new double[] {10, 12, 15, 15}, 0.5, 0.5).predict(2);

        assertThat(prediction.value()).isCloseTo(19.5, within(1e-12));
    }

    /**
     * Errors -1, 1, -1, 1: mean 0, ρ1 = -3/4 (negative, so no lag counts) and m = n = 4. The spread is
     * sqrt((1/4) · 4 / (1 - 1/4)) = sqrt(4/3) = 1.1547005, the factor t(0.975, 3) · sqrt(1 + 1/4)
     * = 3.1824463 · 1.1180340, so the band is ± 4.1085205.
     */
    @Test
    void should_give_a_t_interval_from_independent_errors_worked_out_by_hand() {
        double[] band = ErrorStats.errorBand(new double[] {-1, 1, -1, 1});

        assertThat(band[0]).isCloseTo(-4.1085205, within(1e-6));
        assertThat(band[1]).isCloseTo(4.1085205, within(1e-6));
    }

    /**
     * Errors -1, -1, -1, 3: mean 0; c0 = 12, lag 1: (-1)(-1) + (-1)(-1) + 3(-1) = -1, negative, so m = n = 4.
     * Below the mean Σ(e - ē)² = 3, above 9; with 1 - 1/m = 3/4: s₋ = sqrt(2 · 3 / 4 / (3/4)) = sqrt(2),
     * s₊ = sqrt(2 · 9 / 4 / (3/4)) = sqrt(6). k = t(0.975, 3) · sqrt(1 + 1/4) = 3.1824463 · 1.1180340 = 3.5580831,
     * so the band is -3.5580831 · 1.4142136 = -5.0318894 to 3.5580831 · 2.4494897 = 8.7154881: one error far
     * above makes only the upper side wide.
     */
    @Test
    void should_widen_only_the_side_of_the_interval_where_the_errors_lie_far_worked_out_by_hand() {
        double[] band = ErrorStats.errorBand(new double[] {-1, -1, -1, 3});

        assertThat(band[0]).isCloseTo(-5.0318894, within(1e-6));
        assertThat(band[1]).isCloseTo(8.7154881, within(1e-6));
    }

    /**
     * Daily increases 1, 1, 1, -1, 1, 1, 1, 100: median 1, absolute deviations 0, 0, 0, 2, 0, 0, 0, 99 with
     * median 0, so the spread is sqrt(1 + 1) = 1.4142 and the cap 1 + 5 · 1.4142 = 8.07. The launch's 100 is
     * above it and becomes the median, 1; the decrease stays.
     */
    @Test
    void should_take_a_launch_burst_out_of_a_running_total_and_keep_its_decreases() {
        double[] days = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        double[] values = {0, 1, 2, 3, 2, 3, 4, 5, 105};

        assertThat(ErrorStats.withoutBursts(days, values)).containsExactly(0, 1, 2, 3, 2, 3, 4, 5, 6);
    }

    @Test
    void should_forecast_a_running_total_at_its_usual_pace_after_a_launch_and_not_allow_another() {
        // Stars 100 + t over 100 days, plus 500 in one day at t = 60 (a launch): now 100 + 99 + 500 = 699. Without the
        // launch day (made the usual +1) the series is a straight line: drift 1 a day and a back-test without error,
        // so 699 + 30 = 729 with a zero-width interval, instead of an upper end allowing another launch.
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + i + (i >= 60 ? 500 : 0);
        }

        Forecast forecast = FORECASTER.forecast(Histories.series("repo.stars", 1, values), NOW).orElseThrow();

        assertThat(forecast.method()).isEqualTo(Forecast.Method.NAIVE_DRIFT);
        assertThat(forecast.value()).isCloseTo(729, within(1e-9));
        assertThat(forecast.lower()).isCloseTo(729, within(1e-9));
        assertThat(forecast.upper()).isCloseTo(729, within(1e-9));
        assertThat(forecast.sentence()).isEqualTo("stars in 30 days: 729 (95 % interval 729 to 729), the naive forecast"
                + " (the recent average rise carried on, 1 day of launch burst left out): no model beat it on the back-test");
    }

    @Test
    void should_say_a_forecast_count_as_a_whole_number_with_thousands_separators() {
        // Stars 6,000 + t/2 over 100 days: now 6,049.5, drift 0.5 a day without back-test error, so 6,049.5 + 15 =
        // 6,064.5 with a zero-width interval; a count is said whole ("6,065", rounding half up), not "6064.5".
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 6_000 + i / 2.0;
        }

        Forecast forecast = FORECASTER.forecast(Histories.series("repo.stars", 1, values), NOW).orElseThrow();

        assertThat(forecast.value()).isCloseTo(6_064.5, within(1e-9));
        assertThat(forecast.sentence()).startsWith("stars in 30 days: 6,065 (95 % interval 6,065 to 6,065)");
    }

    /** Errors 1, 1, -1, -1: c0 = 4, lag 1: 1·1 + (-1)·1 + (-1)(-1) = 1, ρ1 = 0.25; m = 4 / (1 + 0.5) = 2.6667. */
    @Test
    void should_count_dependent_errors_as_fewer_independent_ones() {
        assertThat(ErrorStats.effectiveSize(new double[] {1, 1, -1, -1})).isCloseTo(8.0 / 3, within(1e-12));
        assertThat(ErrorStats.effectiveSize(new double[] {-1, 1, -1, 1})).isEqualTo(4);
    }

    /**
     * Daily increases 1 (seven days) then 100 (a launch): median 1, MAD 0, mean 107/8 = 13.375, so the cap is
     * 1 + 5 · sqrt(13.375) = 19.2859 and the drift (7 + 19.2859) / 8 = 3.2857, not 13.375.
     */
    @Test
    void should_not_carry_a_launch_burst_on_as_the_usual_rise() {
        double[] days = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 107};

        assertThat(ErrorStats.drift(days, values, 0, 8)).isCloseTo(3.2857404, within(1e-6));
    }

    @Test
    void should_tell_a_model_clearly_better_only_when_its_errors_are_smaller_beyond_chance() {
        assertThat(ErrorStats.clearlyBetter(new double[] {0, 0, 0, 0}, new double[] {1, -1, 1, -1}, 3)).isTrue();
        assertThat(ErrorStats.clearlyBetter(new double[] {1, -1, 1, -1}, new double[] {-1, 1, -1, 1}, 3)).isFalse();
        // d = 2, 0, 2, 0: mean 1, population variance 1, m = 4 (ρ1 = -3/4): standard error sqrt(1 / (3/4)) / 2 = 0.5774,
        // so the advantage is 1.73 standard errors: better at a margin of 1.5, not at 3.
        double[] model = {0, 1, 0, 1};
        double[] naive = {2, 1, 2, 1};
        assertThat(ErrorStats.clearlyBetter(model, naive, 1.5)).isTrue();
        assertThat(ErrorStats.clearlyBetter(model, naive, 3)).isFalse();
    }

    @Test
    void should_keep_the_naive_forecast_where_no_model_beats_it() {
        // y = 100 + 2 t over 100 days, now 298: drift, line and Holt all back-test without error, so no model is
        // better than the naive random walk with drift: 298 + 2 · 30 = 358, a zero-width interval.
        // Origins: 28 days of training before each, 30 days after: t = 28..69, 42 of them.
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + 2 * i;
        }

        Forecast forecast = FORECASTER.forecast(Histories.series("repo.stars", 1, values), NOW).orElseThrow();

        assertThat(forecast.method()).isEqualTo(Forecast.Method.NAIVE_DRIFT);
        assertThat(forecast.beatsNaive()).isFalse();
        assertThat(forecast.origins()).isEqualTo(42);
        assertThat(forecast.value()).isCloseTo(358, within(1e-9));
        assertThat(forecast.lower()).isCloseTo(358, within(1e-9));
        assertThat(forecast.upper()).isCloseTo(358, within(1e-9));
        assertThat(forecast.sentence()).isEqualTo("stars in 30 days: 358 (95 % interval 358 to 358), the naive forecast"
                + " (the recent average rise carried on): no model beat it on the back-test");
    }

    @Test
    void should_show_a_model_that_beats_the_naive_level_and_never_forecast_a_count_below_zero() {
        // Stale issues 100 - t over 100 days, now 1. Holding the level misses by 30 at every origin; the line (and
        // Holt) by 0 (to rounding), so a model is shown. It reaches 1 - 30 = -29, floored at 0.
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 - i;
        }

        Forecast forecast = FORECASTER.forecast(Histories.series("issues.stale", 1, values), NOW).orElseThrow();

        assertThat(forecast.beatsNaive()).isTrue();
        assertThat(forecast.backtestError()).isCloseTo(0, within(1e-9));
        assertThat(forecast.naiveError()).isCloseTo(30, within(1e-9));
        assertThat(forecast.value()).isZero();
        assertThat(forecast.lower()).isZero();
        assertThat(forecast.upper()).isZero();
        assertThat(forecast.sentence()).startsWith("stale issues in 30 days: 0 (95 % interval 0 to 0), ")
                .endsWith("linear trend, back-test error 0 against the naive forecast's 30");
    }

    @Test
    void should_never_forecast_a_running_total_below_its_last_value_less_its_observed_decreases() {
        // Stars 100 + t up to t = 70 (170), then 1 fewer a day to 141 at t = 99: 29 lost over 99 days, so in 30 days
        // at most 29/99 · 30 = 8.7879 more can go: the lower end is 141 - 8.7879 = 132.2121, whatever the method.
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i <= 70 ? 100 + i : 170 - (i - 70);
        }

        Forecast forecast = FORECASTER.forecast(Histories.series("repo.stars", 1, values), NOW).orElseThrow();

        assertThat(forecast.lower()).isCloseTo(132.2121212, within(1e-6));
        assertThat(forecast.value()).isGreaterThanOrEqualTo(forecast.lower());
    }

    @Test
    void should_need_enough_points_for_the_back_test_and_say_so() {
        // 28 days of training, 30 ahead and 39 origins: 97 daily points.
        double[] short96 = new double[96];
        double[] enough97 = new double[97];
        for (int i = 0; i < enough97.length; i++) {
            enough97[i] = i;
            if (i < short96.length) {
                short96[i] = i;
            }
        }
        TimeSeries tooShort = Histories.series("repo.forks", 1, short96);

        assertThat(FORECASTER.forecast(tooShort, NOW)).isEmpty();
        assertThat(FORECASTER.withheld(tooShort, NOW)).hasValue(
                "forks: not enough history for a forecast yet (96 points; the back-test at 30 days needs about 97)");
        assertThat(FORECASTER.forecast(Histories.series("repo.forks", 1, enough97), NOW)).isPresent();
        assertThat(FORECASTER.withheld(Histories.series("repo.forks", 1, enough97), NOW)).isEmpty();
    }

    @Test
    void should_say_when_gaps_leave_too_few_points_a_horizon_apart_though_there_are_points_enough() {
        // 120 points, three days measured and one not, over 160 days: 30 points on lie 40 days later, never 30,
        // so no point can be an origin, though 120 is more than the 97 a daily series needs.
        List<TimeSeries.Point> points = new ArrayList<>();
        for (int day = 0; points.size() < 120; day++) {
            if (day % 4 != 3) {
                points.add(new TimeSeries.Point(NOW.minus(Duration.ofDays(200 - day)), 5 + day % 3));
            }
        }
        TimeSeries gappy = new TimeSeries("prs.time_to_first_review_hours.p50", points);
        Instant now = gappy.last().at();

        assertThat(FORECASTER.forecast(gappy, now)).isEmpty();
        assertThat(FORECASTER.withheld(gappy, now)).hasValue("median first review: not enough regular history for a"
                + " forecast yet (120 points, with gaps: the back-test at 30 days needs 39 points with 28 days measured"
                + " before them and a point 30 days later, and has 0)");
    }
}
