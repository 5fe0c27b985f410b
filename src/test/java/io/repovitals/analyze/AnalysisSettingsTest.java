package io.repovitals.analyze;

import io.repovitals.model.DoraThresholds;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalysisSettingsTest {

    @Test
    void should_default_to_the_issues_values() {
        AnalysisSettings defaults = AnalysisSettings.DEFAULTS;

        assertThat(defaults.trendDays()).isEqualTo(90);
        assertThat(defaults.forecastDays()).isEqualTo(30);
        assertThat(defaults.weights().asMap()).containsExactly(
                java.util.Map.entry("contributors", 0.30), java.util.Map.entry("pr_throughput", 0.20),
                java.util.Map.entry("review_velocity", 0.20), java.util.Map.entry("issue_freshness", 0.15),
                java.util.Map.entry("fork_growth", 0.15));
        assertThat(defaults.forecastMetrics()).contains("repo.stars", "repo.forks");
        // Issue 15: durations get forecasts too (the median of each a maintainer acts on).
        assertThat(defaults.forecastMetrics()).contains("prs.time_to_first_review_hours.p50", "prs.time_to_merge_hours.p50",
                "ci.duration_minutes.p50", "issues.time_to_first_response_hours.p50", "dora.lead_time_hours.p50");
        assertThat(defaults.dora().source()).contains("2023 State of DevOps");
    }

    @Test
    void should_replace_only_the_dora_thresholds() {
        DoraThresholds custom = DoraThresholds.of(Map.of("lead_time_hours", List.of(2.0, 8.0, 48.0)));

        AnalysisSettings settings = AnalysisSettings.DEFAULTS.withDora(custom);

        assertThat(settings.dora()).isSameAs(custom);
        assertThat(settings).usingRecursiveComparison().ignoringFields("dora").isEqualTo(AnalysisSettings.DEFAULTS);
    }

    @Test
    void should_reject_windows_too_short_to_mean_anything() {
        assertThatThrownBy(() -> AnalysisSettings.DEFAULTS.withDays(6, 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trend-days");
        assertThatThrownBy(() -> AnalysisSettings.DEFAULTS.withDays(90, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forecast-days");
    }

    @Test
    void should_reject_reference_bands_that_would_reward_a_worse_value() {
        assertThatThrownBy(() -> ReferenceBands.of(0, 0, 10, 80, 5, 90))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increase");
        assertThatThrownBy(() -> ReferenceBands.of(0, 0, 10, 80, 20, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one way");
    }
}
