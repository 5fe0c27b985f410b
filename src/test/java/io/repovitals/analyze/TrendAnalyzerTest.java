package io.repovitals.analyze;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.repovitals.analyze.Histories.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TrendAnalyzerTest {
    private final TrendAnalyzer analyzer = new TrendAnalyzer(90);

    /**
     * Weekly points y = 1, 3, 2, 5, 4 at x = -4..0 weeks. x̄ = -2, ȳ = 3, Sxx = 4+1+0+1+4 = 10,
     * Sxy = (-2)(-2) + (-1)(0) + 0(-1) + 1(2) + 2(1) = 8, slope = 8/10 = 0.8 per week.
     * Fitted 1.4, 2.2, 3.0, 3.8, 4.6; residuals -0.4, 0.8, -1, 1.2, -0.6; SSE = 0.16+0.64+1+1.44+0.36 = 3.6,
     * s² = 3.6/3 = 1.2, se(slope) = sqrt(1.2/10) = sqrt(0.12), t = 0.8/sqrt(0.12) = 2.3094 with 3 df.
     * Student's t with 3 df has a closed-form CDF: F(t) = 1/2 + (a/(1 + a²) + atan a)/π with a = t/√3.
     * Here a = 0.8/sqrt(0.36) = 4/3, a/(1 + a²) = (4/3)/(25/9) = 0.48, atan(4/3) = 0.9272952,
     * F = 1/2 + 1.4072952/π = 0.9479560, p = 2(1 - F) = 0.1040880 (scipy.stats.linregress agrees).
     * Not below 0.05, so flat although the slope is positive.
     */
    @Test
    void should_compute_slope_and_p_value_as_by_hand_and_stay_flat_when_not_significant() {
        Trend trend = analyzer.trend(Histories.series("prs.merged", 7, 1, 3, 2, 5, 4), NOW).orElseThrow();

        assertThat(trend.points()).isEqualTo(5);
        assertThat(trend.slopePerWeek()).isCloseTo(0.8, within(1e-12));
        double a = 4.0 / 3;
        double handP = 2 * (1 - (0.5 + (a / (1 + a * a) + Math.atan(a)) / Math.PI));
        assertThat(handP).isCloseTo(0.1040880, within(1e-7));
        assertThat(trend.pValue()).isCloseTo(handP, within(1e-9));
        assertThat(trend.direction()).isEqualTo(Trend.Direction.FLAT);
        assertThat(trend.changePct()).as("no previous window").isNull();
    }

    /**
     * y = 1, 2, 4, 5, 7 at x = -4..0: ȳ = 3.8, Sxy = (-2)(-2.8) + (-1)(-1.8) + 0 + 1(1.2) + 2(3.2) = 15,
     * slope = 1.5; residuals 0.2, -0.3, 0.2, -0.3, 0.2, SSE = 0.30, s² = 0.1, se = sqrt(0.1/10) = 0.1, t = 15.
     * a = 15/√3 = 8.660254, a/(1 + a²) = 8.660254/76 = 0.1139507, atan a = 1.4558103,
     * p = 1 - 2(1.5697610/π) = 0.000643 < 0.05: rising.
     */
    @Test
    void should_call_a_significant_positive_slope_rising() {
        Trend trend = analyzer.trend(Histories.series("prs.merged", 7, 1, 2, 4, 5, 7), NOW).orElseThrow();

        assertThat(trend.slopePerWeek()).isCloseTo(1.5, within(1e-12));
        assertThat(trend.pValue()).isCloseTo(0.000643, within(1e-6));
        assertThat(trend.direction()).isEqualTo(Trend.Direction.RISING);
    }

    @Test
    void should_call_a_significant_negative_slope_falling() {
        Trend trend = analyzer.trend(Histories.series("issues.stale", 7, 7, 5, 4, 2, 1), NOW).orElseThrow();

        assertThat(trend.slopePerWeek()).isCloseTo(-1.5, within(1e-12));
        assertThat(trend.direction()).isEqualTo(Trend.Direction.FALLING);
    }

    @Test
    void should_measure_the_change_against_the_previous_window() {
        // trend-days 14, daily points: the previous window (days -27..-14) is all 10, this one (-13..0) all 15:
        // (15 - 10) / 10 = +50 %.
        double[] values = new double[28];
        Arrays.fill(values, 0, 14, 10);
        Arrays.fill(values, 14, 28, 15);

        Trend trend = new TrendAnalyzer(14).trend(Histories.series("commits.count", 1, values), NOW).orElseThrow();

        assertThat(trend.points()).isEqualTo(14);
        assertThat(trend.changePct()).isCloseTo(50.0, within(1e-9));
        assertThat(trend.pValue()).as("constant window: slope 0 / se 0 has no p-value").isNull();
        assertThat(trend.direction()).isEqualTo(Trend.Direction.FLAT);
    }

    @Test
    void should_give_no_trend_with_fewer_than_three_points_in_the_window() {
        assertThat(analyzer.trend(Histories.series("prs.merged", 7, 1, 2), NOW)).isEmpty();
        // 200 days apart: only the last point lies in the 90-day window.
        assertThat(analyzer.trend(Histories.series("prs.merged", 100, 1, 2, 3), NOW)).isEmpty();
    }
}
