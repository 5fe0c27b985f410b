package io.repovitals.analyze;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static io.repovitals.analyze.Histories.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecasterTest {

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
     * σ² = (0 + 1 + 3.0625) / (4 - 2) = 2.03125. Two steps: 15.875 + 2 · 1.8125 = 19.5.
     * β = αβ* = 0.25: σ₂² = σ²[1 + 1·(0.25 + 0.5·0.25·2 + 0.0625·2·3/6)] = 2.03125 · 1.5625 = 3.1738281,
     * half-width = 1.959964 · sqrt(3.1738281) = 1.959964 · 1.7815241 = 3.4917231.
     */
    @Test
    void should_give_holts_forecast_and_interval_worked_out_by_hand() {
        Prediction prediction = HoltModel.withParameters(new double[] {10, 12, 15, 15}, 0.5, 0.5).predict(2);

        assertThat(prediction.value()).isCloseTo(19.5, within(1e-12));
        assertThat(prediction.halfWidth()).isCloseTo(3.4917231, within(1e-6));
    }

    @Test
    void should_keep_the_linear_model_on_a_straight_line_where_both_back_test_perfectly() {
        // y = 10 + 2 t over 10 days, now y = 28: both models have back-test error 0, the tie goes to the
        // simpler linear one; 30 days on: 28 + 2·30 = 88, with a zero-width interval (no residuals).
        double[] values = new double[10];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 + 2 * i;
        }

        Forecast forecast = new Forecaster(30, 90).forecast(Histories.series("repo.stars", 1, values), NOW).orElseThrow();

        assertThat(forecast.method()).isEqualTo(Forecast.Method.LINEAR);
        assertThat(forecast.backtestError()).isCloseTo(0, within(1e-9));
        assertThat(forecast.value()).isCloseTo(88, within(1e-9));
        assertThat(forecast.lower()).isCloseTo(88, within(1e-6));
        assertThat(forecast.upper()).isCloseTo(88, within(1e-6));
        assertThat(forecast.days()).isEqualTo(30);
        assertThat(forecast.sentence()).isEqualTo("stars in 30 days: 88 (95 % interval 88 to 88), linear trend, back-test error 0");
    }

    @Test
    void should_pick_holt_when_the_trend_has_changed() {
        // Flat at 10 for 12 days, then +5 a day for 18 days (now 100). The back-test holds out the last
        // 10 points; a straight line through the flat start under-shoots them, Holt follows the ramp.
        // Carrying the ramp on for 30 days gives 100 + 150 = 250.
        double[] values = new double[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 12 ? 10 : 10 + 5 * (i - 11);
        }
        assertThat(values[29]).isEqualTo(100);

        Forecast forecast = new Forecaster(30, 90).forecast(Histories.series("repo.forks", 1, values), NOW).orElseThrow();

        assertThat(forecast.method()).isEqualTo(Forecast.Method.HOLT);
        assertThat(forecast.value()).isCloseTo(250, within(5.0));
        assertThat(forecast.lower()).isLessThan(forecast.value());
        assertThat(forecast.upper()).isGreaterThan(forecast.value());
    }

    @Test
    void should_not_forecast_with_fewer_than_eight_points() {
        assertThat(new Forecaster(30, 90).forecast(Histories.series("repo.stars", 1, 1, 2, 3, 4, 5, 6, 7), NOW)).isEmpty();
        assertThat(new Forecaster(30, 90).forecast(Histories.series("repo.stars", 1, 1, 2, 3, 4, 5, 6, 7, 8), NOW)).isPresent();
    }

    @Test
    void should_not_forecast_below_zero_for_a_falling_count() {
        // y = 100 - 10 t over 10 days, now y = 10: the straight line reaches 10 - 10·30 = -290 in 30 days,
        // but no catalog metric can be negative, so value and lower end are 0 (and the upper end is too: no residuals).
        double[] values = new double[10];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 - 10 * i;
        }

        Forecast forecast = new Forecaster(30, 90).forecast(Histories.series("issues.stale", 1, values), NOW).orElseThrow();

        assertThat(forecast.value()).isZero();
        assertThat(forecast.lower()).isZero();
        assertThat(forecast.upper()).isZero();
    }
}
