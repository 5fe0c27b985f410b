package io.repovitals.analyze;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.repovitals.analyze.Histories.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnomalyDetectorTest {
    private final AnomalyDetector detector = new AnomalyDetector(90, Set.of("repo.stars", "repo.forks"));

    // Past CI failure rates, 8 days: sorted 0.06 0.07 0.08 0.08 0.08 0.09 0.09 0.10, median (0.08 + 0.08)/2 = 0.08.
    // Absolute deviations 0.02 0.01 0 0 0 0.01 0.01 0.02 -> sorted 0 0 0 .01 .01 .01 .02 .02, MAD = 0.01,
    // scale = 1.4826 · 0.01 = 0.014826. Not whole numbers, so not a count: the robust z.
    private static final double[] PAST = {0.08, 0.07, 0.09, 0.08, 0.10, 0.06, 0.08, 0.09};

    private static double[] withLatest(double[] past, double latest) {
        double[] values = java.util.Arrays.copyOf(past, past.length + 1);
        values[past.length] = latest;
        return values;
    }

    @Test
    void should_flag_a_value_far_from_the_median_with_its_baseline() {
        // z = (0.41 - 0.08) / 0.014826 = 22.258 > 3.5. R-7 quartiles of the past: h = 7 · 0.25 = 1.75 between
        // 0.07 and 0.08 gives 0.0775; h = 5.25 between 0.09 and 0.09 gives 0.09.
        Anomaly anomaly = detector.detect(Histories.series("ci.failure_rate", 1, withLatest(PAST, 0.41)), NOW).orElseThrow();

        assertThat(anomaly.metric()).isEqualTo("ci.failure_rate");
        assertThat(anomaly.quantity()).isEqualTo("ci.failure_rate");
        assertThat(anomaly.at()).isEqualTo(NOW);
        assertThat(anomaly.value()).isEqualTo(0.41);
        assertThat(anomaly.median()).isCloseTo(0.08, within(1e-12));
        assertThat(anomaly.usualLow()).isCloseTo(0.0775, within(1e-12));
        assertThat(anomaly.usualHigh()).isCloseTo(0.09, within(1e-12));
        assertThat(anomaly.robustZ()).isCloseTo(22.2582, within(1e-3));
        assertThat(anomaly.severity()).isCloseTo(22.2582, within(1e-3));
        assertThat(anomaly.rule()).isEqualTo("robust_z");
        assertThat(anomaly.baselineDays()).isEqualTo(90);
        assertThat(anomaly.baselinePoints()).isEqualTo(8);
        assertThat(anomaly.threshold()).isEqualTo(3.5);
    }

    @Test
    void should_word_a_statistic_of_a_metric_with_its_catalog_label_and_unit() {
        // Past maxima 20, 22, 21, 20, 23, 19, 21, 22 minutes, sorted 19 20 20 21 21 22 22 23: a duration, judged on
        // its logarithm, where 45 is far out (ln 45 = 3.81 against a median ln 21 = 3.04, the logs within 0.07 of it).
        // R-7 quartiles: h = 1.75 between 20 and 20 gives 20; h = 5.25 between 22 and 22 gives 22.
        Anomaly anomaly = detector.detect(Histories.series("ci.duration_minutes.max", 1,
                20, 22, 21, 20, 23, 19, 21, 22, 45), NOW).orElseThrow();

        assertThat(anomaly.sentence()).isEqualTo("maximum CI duration: 45.0 min; usually 20.0 min to 22.0 min");
    }

    @Test
    void should_use_the_name_and_a_plain_number_for_a_metric_the_catalog_does_not_define() {
        // Nothing is guessed from the name's suffix any more: "_hours" alone makes no hours. The baseline's quartiles
        // 0.0775 and 0.09 (as in the first test) both read 0.1 as plain numbers, so the range is one value.
        Anomaly anomaly = detector.detect(Histories.series("custom.wait_hours", 1, withLatest(PAST, 0.41)), NOW).orElseThrow();

        assertThat(anomaly.sentence()).isEqualTo("custom.wait_hours: 0.4; usually 0.1");
    }

    @Test
    void should_not_flag_a_value_within_three_and_a_half_robust_deviations() {
        // z = (0.12 - 0.08) / 0.014826 = 2.698 <= 3.5
        assertThat(AnomalyDetector.robustZ(0.12, PAST)).hasValueSatisfying(z -> assertThat(z).isCloseTo(2.698, within(1e-3)));
        assertThat(detector.detect(Histories.series("ci.failure_rate", 1, withLatest(PAST, 0.12)), NOW)).isEmpty();
    }

    @Test
    void should_not_judge_with_fewer_than_eight_past_points() {
        double[] seven = {0.08, 0.07, 0.09, 0.08, 0.10, 0.06, 0.08, 0.41};

        assertThat(detector.detect(Histories.series("ci.failure_rate", 1, seven), NOW)).isEmpty();
    }

    @Test
    void should_fall_back_to_the_mean_absolute_deviation_when_the_mad_is_zero() {
        // Past 0.05 ×7 and 0.09: median 0.05, deviations 0 ×7 and 0.04, MAD 0. Mean absolute deviation 0.04/8 = 0.005,
        // scale 1.253314 · 0.005 = 0.00626657, z = (0.09 - 0.05) / 0.00626657 = 6.383. Both quartiles are 0.05.
        Anomaly anomaly = detector.detect(Histories.series("ci.failure_rate", 1,
                0.05, 0.05, 0.05, 0.09, 0.05, 0.05, 0.05, 0.05, 0.09), NOW).orElseThrow();

        assertThat(anomaly.robustZ()).isCloseTo(6.383, within(1e-3));
        assertThat(anomaly.sentence()).isEqualTo("CI failure rate: 9 %; usually 5 %");
    }

    @Test
    void should_not_flag_the_first_fork_in_months_but_flag_two_in_a_day() {
        // Forks flat at 10 for 100 days: 89 daily increases of 0 in the 90-day baseline. The rate is (0 + 0.5) / 89
        // = 0.0056180 a day; P(X >= 1) = 1 - e^-λ = 0.0056022, a normal deviate of 2.536: not flagged.
        // P(X >= 2) = 1 - e^-λ (1 + λ) = 1.5722e-5, a deviate of 4.163: flagged.
        double[] forks = new double[101];
        java.util.Arrays.fill(forks, 10);
        forks[100] = 11;
        assertThat(detector.detect(Histories.series("repo.forks", 1, forks), NOW)).isEmpty();

        forks[100] = 12;
        Anomaly anomaly = detector.detect(Histories.series("repo.forks", 1, forks), NOW).orElseThrow();

        assertThat(anomaly.rule()).isEqualTo("poisson");
        assertThat(anomaly.severity()).isCloseTo(4.163, within(1e-3));
        assertThat(anomaly.robustZ()).isNull();
        assertThat(anomaly.baselinePoints()).isEqualTo(89);
        assertThat(anomaly.sentence()).isEqualTo("+2 forks in a day; usually +0");
    }

    @Test
    void should_judge_a_count_against_a_poisson_and_an_overdispersed_count_against_a_negative_binomial() {
        // Deployments a week 6, 7, 6, 6, 7, 6, 6, 7: rate (51 + 0.5) / 8 = 6.4375, variance 0.268 (not over the mean):
        // P(X >= 30) = 1.3877e-11, a deviate of 6.658.
        Anomaly poisson = detector.detect(Histories.series("dora.deployments", 1, 6, 7, 6, 6, 7, 6, 6, 7, 30), NOW)
                .orElseThrow();
        assertThat(poisson.rule()).isEqualTo("poisson");
        assertThat(poisson.severity()).isCloseTo(6.658, within(1e-3));
        assertThat(poisson.sentence()).isEqualTo("deployments: 30; usually 6–7");
        // With the snapshot's 7-day window known, a count of events in it says its period; a state at asOf does not.
        assertThat(detector.detect(Histories.series("dora.deployments", 1, 6, 7, 6, 6, 7, 6, 6, 7, 30), NOW, 7)
                .orElseThrow().sentence()).isEqualTo("30 deployments this week; usually 6–7");
        assertThat(detector.detect(Histories.series("dora.deployments", 1, 6, 7, 6, 6, 7, 6, 6, 7, 30), NOW, 14)
                .orElseThrow().sentence()).isEqualTo("30 deployments in 14 days; usually 6–7");
        assertThat(detector.detect(Histories.series("issues.stale", 1, 6, 7, 6, 6, 7, 6, 6, 7, 30), NOW, 7)
                .orElseThrow().sentence()).isEqualTo("stale issues: 30; usually 6–7");

        // 0, 10, 0, 10, ...: mean 6.3125, variance 44.6: a negative binomial of size 1.04, p = 0.141, nearly
        // geometric: P(X >= 30) ≈ 0.859^30 ≈ 0.01, a deviate near 2.3: usual for so bursty a count.
        assertThat(detector.detect(Histories.series("dora.deployments", 1, 0, 10, 0, 10, 0, 10, 0, 10, 30), NOW)).isEmpty();
    }

    @Test
    void should_judge_durations_on_a_log_scale() {
        // log(1 + x) of the past: 2.0 2.2 2.4 2.2 2.0 2.4 2.2 2.2, median 2.2, MAD 0.1, scale 0.14826; today
        // log(1 + x) = 3.2: z = 1 / 0.14826 = 6.7449. Raw quartiles: 7.616 and 8.525 hours.
        double[] logs = {2.0, 2.2, 2.4, 2.2, 2.0, 2.4, 2.2, 2.2, 3.2};
        double[] hours = java.util.Arrays.stream(logs).map(Math::expm1).toArray();

        Anomaly anomaly = detector.detect(Histories.series("prs.time_to_merge_hours.p50", 1, hours), NOW).orElseThrow();

        assertThat(anomaly.rule()).isEqualTo("robust_z_log");
        assertThat(anomaly.robustZ()).isCloseTo(6.7449, within(1e-4));
        assertThat(anomaly.sentence()).isEqualTo("median time to merge: 23.5 h; usually 7.6 h to 8.5 h");
    }

    @Test
    void should_judge_a_running_total_by_its_daily_increase() {
        // Stars +3 a day for 9 days, then +450: a count with rate (27 + 0.5) / 9 = 3.06 a day; 450 is beyond any
        // tail the doubles hold, so the severity is the cap.
        double[] stars = new double[11];
        for (int i = 0; i < 10; i++) {
            stars[i] = 100 + 3 * i;
        }
        stars[10] = stars[9] + 450;

        Anomaly anomaly = detector.detect(Histories.series("repo.stars", 1, stars), NOW).orElseThrow();

        assertThat(anomaly.value()).isEqualTo(450);
        assertThat(anomaly.median()).isEqualTo(3);
        assertThat(anomaly.severity()).isEqualTo(AnomalyDetector.MAX_SEVERITY);
        assertThat(anomaly.sentence()).isEqualTo("+450 stars in a day; usually +3");
    }

    @Test
    void should_not_flag_a_steadily_growing_running_total() {
        double[] stars = new double[20];
        for (int i = 0; i < stars.length; i++) {
            stars[i] = 100 + 3 * i;
        }

        assertThat(detector.detect(Histories.series("repo.stars", 1, stars), NOW)).isEmpty();
    }

    @Test
    void should_keep_one_anomaly_per_quantity_the_most_severe_first() {
        // Stars (30) and stars gained (10) are one quantity; deployments and deployments a week tie at 5, the
        // source metric stays; the CI failure rate (8) is its own.
        List<Anomaly> distinct = Analyzer.distinct(List.of(anomaly("repo.stars_gained", 10), anomaly("dora.deployment_frequency_per_week", 5),
                anomaly("ci.failure_rate", 8), anomaly("repo.stars", 30), anomaly("dora.deployments", 5)));

        assertThat(distinct).extracting(Anomaly::metric).containsExactly("repo.stars", "ci.failure_rate", "dora.deployments");
    }

    private static Anomaly anomaly(String metric, double severity) {
        return new Anomaly(metric, io.repovitals.metrics.MetricCatalog.quantity(metric), NOW, 1, 0, 0, 0, null, severity,
                "poisson", 90, 89, AnomalyDetector.THRESHOLD, metric);
    }
}
