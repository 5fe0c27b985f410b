package io.repovitals.analyze;

import io.repovitals.model.DoraThresholds;

import io.repovitals.model.Snapshot;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** Band edges of issue 5 (2023 State of DevOps report): each boundary and the value just past it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DoraClassifierTest {
    private final DoraClassifier classifier = new DoraClassifier(DoraThresholds.STATE_OF_DEVOPS_2023);

    @ParameterizedTest(name = "{0} deployments a week -> {1}")
    @CsvSource({
            "5, ELITE", "4.99, HIGH",       // on demand = deploy days >= 5 a week
            "1, HIGH", "0.99, MEDIUM",      // at least once a week
            "0.2333333333333333333, MEDIUM", "0.23, LOW", // at least once a month = 7/30 a week
            "0, LOW"})
    void should_band_deployment_frequency(double perWeek, DoraBand band) {
        assertThat(classifier.rate(DoraKey.DEPLOYMENT_FREQUENCY, perWeek).band()).isEqualTo(band);
    }

    @ParameterizedTest(name = "lead time {0} h -> {1}")
    @CsvSource({"23.99, ELITE", "24, HIGH", "167.99, HIGH", "168, MEDIUM", "719.99, MEDIUM", "720, LOW"})
    void should_band_lead_time_strictly_below_one_day_one_week_one_month(double hours, DoraBand band) {
        assertThat(classifier.rate(DoraKey.LEAD_TIME, hours).band()).isEqualTo(band);
    }

    @ParameterizedTest(name = "change failure rate {0} -> {1}")
    @CsvSource({"0.05, ELITE", "0.0501, HIGH", "0.10, HIGH", "0.1001, MEDIUM", "0.15, MEDIUM", "0.1501, LOW"})
    void should_band_change_failure_rate_at_or_below_5_10_15_percent(double rate, DoraBand band) {
        assertThat(classifier.rate(DoraKey.CHANGE_FAILURE_RATE, rate).band()).isEqualTo(band);
    }

    @ParameterizedTest(name = "restore {0} h -> {1}")
    @CsvSource({"0.99, ELITE", "1, HIGH", "23.99, HIGH", "24, MEDIUM", "167.99, MEDIUM", "168, LOW"})
    void should_band_time_to_restore_strictly_below_one_hour_one_day_one_week(double hours, DoraBand band) {
        assertThat(classifier.rate(DoraKey.TIME_TO_RESTORE, hours).band()).isEqualTo(band);
    }

    @Test
    void should_rate_the_latest_snapshot_label_the_source_and_skip_missing_keys() {
        List<Snapshot> history = Histories.daily()
                .with("dora.lead_time_hours.p50", 200, 30)
                .with("dora.change_failure_rate", 0.2, 0.04)
                .build();

        DoraAssessment assessment = classifier.assess(history);

        assertThat(assessment.source()).isEqualTo("DORA's 2023 State of DevOps report");
        assertThat(assessment.ratings()).extracting(DoraAssessment.Rating::key, DoraAssessment.Rating::band)
                .containsExactly(tuple(DoraKey.LEAD_TIME, DoraBand.HIGH),
                        tuple(DoraKey.CHANGE_FAILURE_RATE, DoraBand.ELITE));
        assertThat(assessment.ratings().get(0).explanation())
                .isEqualTo("lead time 30.0 h: high (DORA's 2023 State of DevOps report)");
    }

    @Test
    void should_use_configured_boundaries_and_reject_unordered_ones() {
        DoraThresholds d = DoraThresholds.STATE_OF_DEVOPS_2023;
        DoraThresholds strict = new DoraThresholds(d.deployElitePerWeek(), d.deployHighPerWeek(), d.deployMediumPerWeek(),
                1, 24, 168, d.failureEliteRate(), d.failureHighRate(), d.failureMediumRate(),
                d.restoreEliteHours(), d.restoreHighHours(), d.restoreMediumHours(), "team targets");

        assertThat(new DoraClassifier(strict).rate(DoraKey.LEAD_TIME, 23).band()).isEqualTo(DoraBand.HIGH);
        assertThatThrownBy(() -> new DoraThresholds(1, 5, 0.2, 24, 168, 720, 0.05, 0.1, 0.15, 1, 24, 168, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deployment frequency");
    }

    /**
     * dora-thresholds "lead_time_hours=2,8,48;deploy_days_per_week=10,3,1", the rest the 2023 defaults.
     * Lead time 30 h: not below 2 (elite) nor 8 (high), below 48, so medium (the defaults say high: 24 <= 30 < 168).
     * 2 deployments a week: below 10 (elite) and 3 (high), at least 1, so medium (defaults: high, 1 <= 2 < 5).
     * Change failure rate 0.12: kept defaults 0.05 / 0.10 / 0.15, above 0.10 and at most 0.15, so medium.
     */
    @Test
    void should_band_by_custom_thresholds_from_the_setting_and_label_them() {
        DoraThresholds custom = DoraThresholds.of(Map.of(
                "lead_time_hours", List.of(2.0, 8.0, 48.0),
                "deploy_days_per_week", List.of(10.0, 3.0, 1.0)));
        DoraClassifier classifier = new DoraClassifier(custom);

        assertThat(custom.source()).isEqualTo("custom thresholds");
        assertThat(custom.failureHighRate()).isEqualTo(0.10);
        DoraAssessment.Rating lead = classifier.rate(DoraKey.LEAD_TIME, 30);
        assertThat(lead.band()).isEqualTo(DoraBand.MEDIUM);
        assertThat(lead.explanation()).isEqualTo("lead time 30.0 h: medium (custom thresholds)");
        assertThat(classifier.rate(DoraKey.DEPLOYMENT_FREQUENCY, 2).band()).isEqualTo(DoraBand.MEDIUM);
        assertThat(classifier.rate(DoraKey.CHANGE_FAILURE_RATE, 0.12).band()).isEqualTo(DoraBand.MEDIUM);
    }

    @Test
    void should_keep_the_report_label_when_the_setting_holds_the_defaults() {
        Map<String, List<Double>> defaults = Map.of(
                "lead_time_hours", List.of(24.0, 168.0, 720.0),
                "change_failure_rate", List.of(0.05, 0.10, 0.15),
                "time_to_restore_hours", List.of(1.0, 24.0, 168.0),
                "deploy_days_per_week", List.of(5.0, 1.0, 7.0 / 30));

        assertThat(DoraThresholds.of(defaults)).isSameAs(DoraThresholds.STATE_OF_DEVOPS_2023);
        assertThat(DoraThresholds.of(Map.of())).isSameAs(DoraThresholds.STATE_OF_DEVOPS_2023);
        assertThatThrownBy(() -> DoraThresholds.of(Map.of("lead_time", List.of(1.0, 2.0, 3.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lead_time=");
    }
}
