package io.repovitals.analyze;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.repovitals.analyze.Histories.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnomalyDetectorTest {
    private final AnomalyDetector detector = new AnomalyDetector(90, Set.of("repo.stars"));

    // Past CI failure rates, 8 days: sorted 0.06 0.07 0.08 0.08 0.08 0.09 0.09 0.10, median (0.08 + 0.08)/2 = 0.08.
    // Absolute deviations 0.02 0.01 0 0 0 0.01 0.01 0.02 -> sorted 0 0 0 .01 .01 .01 .02 .02, MAD = 0.01,
    // scale = 1.4826 · 0.01 = 0.014826.
    private static final double[] PAST = {0.08, 0.07, 0.09, 0.08, 0.10, 0.06, 0.08, 0.09};

    private static double[] withLatest(double latest) {
        double[] values = java.util.Arrays.copyOf(PAST, PAST.length + 1);
        values[PAST.length] = latest;
        return values;
    }

    @Test
    void should_flag_a_value_far_from_the_median() {
        // z = (0.41 - 0.08) / 0.014826 = 22.258 > 3.5
        Anomaly anomaly = detector.detect(Histories.series("ci.failure_rate", 1, withLatest(0.41)), NOW).orElseThrow();

        assertThat(anomaly.metric()).isEqualTo("ci.failure_rate");
        assertThat(anomaly.value()).isEqualTo(0.41);
        assertThat(anomaly.median()).isCloseTo(0.08, within(1e-12));
        assertThat(anomaly.robustZ()).isCloseTo(22.2582, within(1e-3));
        assertThat(anomaly.sentence()).isEqualTo("CI failure rate 41 %, usually 8 %");
    }

    @Test
    void should_word_a_statistic_of_a_metric_with_its_catalog_label_and_unit() {
        // Past maxima 20, 22, 21, 20, 23, 19, 21, 22 minutes: sorted 19 20 20 21 21 22 22 23, median 21;
        // deviations 1 1 0 1 2 2 0 1 -> sorted 0 0 1 1 1 1 2 2, MAD 1; z = (45 - 21) / 1.4826 = 16.2 > 3.5.
        Anomaly anomaly = detector.detect(Histories.series("ci.duration_minutes.max", 1,
                20, 22, 21, 20, 23, 19, 21, 22, 45), NOW).orElseThrow();

        assertThat(anomaly.sentence()).isEqualTo("maximum CI duration 45.0 min, usually 21.0 min");
    }

    @Test
    void should_use_the_name_and_a_plain_number_for_a_metric_the_catalog_does_not_define() {
        // Nothing is guessed from the name's suffix any more: "_hours" alone makes no hours.
        Anomaly anomaly = detector.detect(Histories.series("custom.wait_hours", 1, withLatest(0.41)), NOW).orElseThrow();

        assertThat(anomaly.sentence()).isEqualTo("custom.wait_hours 0.4, usually 0.1");
    }

    @Test
    void should_not_flag_a_value_within_three_and_a_half_robust_deviations() {
        // z = (0.12 - 0.08) / 0.014826 = 2.698 <= 3.5
        assertThat(AnomalyDetector.robustZ(0.12, PAST)).hasValueSatisfying(z -> assertThat(z).isCloseTo(2.698, within(1e-3)));
        assertThat(detector.detect(Histories.series("ci.failure_rate", 1, withLatest(0.12)), NOW)).isEmpty();
    }

    @Test
    void should_not_judge_with_fewer_than_eight_past_points() {
        double[] seven = {0.08, 0.07, 0.09, 0.08, 0.10, 0.06, 0.08, 0.41};

        assertThat(detector.detect(Histories.series("ci.failure_rate", 1, seven), NOW)).isEmpty();
    }

    @Test
    void should_fall_back_to_the_mean_absolute_deviation_when_the_mad_is_zero() {
        // Past 5 ×7 and 9: median 5, deviations 0 ×7 and 4, MAD 0. Mean absolute deviation 4/8 = 0.5,
        // scale 1.253314 · 0.5 = 0.626657, z = (9 - 5) / 0.626657 = 6.383.
        Anomaly anomaly = detector.detect(Histories.series("prs.merged", 1, 5, 5, 5, 9, 5, 5, 5, 5, 9), NOW).orElseThrow();

        assertThat(anomaly.robustZ()).isCloseTo(6.383, within(1e-3));
        assertThat(anomaly.sentence()).isEqualTo("PRs merged 9, usually 5");
    }

    @Test
    void should_judge_a_running_total_by_its_daily_increase() {
        // Stars +3 a day for 9 days, then +450: the increase is flagged, not the total; the history of
        // increases never varied, so there is no finite z.
        double[] stars = new double[11];
        for (int i = 0; i < 10; i++) {
            stars[i] = 100 + 3 * i;
        }
        stars[10] = stars[9] + 450;

        Anomaly anomaly = detector.detect(Histories.series("repo.stars", 1, stars), NOW).orElseThrow();

        assertThat(anomaly.value()).isEqualTo(450);
        assertThat(anomaly.median()).isEqualTo(3);
        assertThat(anomaly.robustZ()).isNull();
        assertThat(anomaly.sentence()).isEqualTo("stars +450 in a day, usually +3");
    }

    @Test
    void should_not_flag_a_steadily_growing_running_total() {
        double[] stars = new double[20];
        for (int i = 0; i < stars.length; i++) {
            stars[i] = 100 + 3 * i;
        }

        assertThat(detector.detect(Histories.series("repo.stars", 1, stars), NOW)).isEmpty();
    }
}
