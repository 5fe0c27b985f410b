package io.repovitals.analyze;

import io.repovitals.model.HealthWeights;
import io.repovitals.model.DoraThresholds;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the analysis needs from the configuration, with the defaults of issue 5. The pipeline maps
 * {@code Settings} onto it; analyze itself never reads config files or the environment.
 *
 * @param trendDays          input {@code trend-days}: the trend window, and the baseline of anomalies and forecasts
 * @param forecastDays       input {@code forecast-days}: how far ahead forecasts reach
 * @param forecastMetrics    the series that get a forecast (cumulative counts, the main rates, the median durations)
 * @param cumulativeMetrics  running totals: anomalies look at their daily increase, not their level
 */
public record AnalysisSettings(HealthWeights weights, int trendDays, int forecastDays, DoraThresholds dora,
                               List<String> forecastMetrics, Set<String> cumulativeMetrics) {

    /**
     * Running totals, the main weekly counts, and the durations a maintainer acts on (review, merge, CI,
     * first response to an issue, lead time): their medians, whose week-to-week level a forecast can follow.
     * Shares and ratios are left out (a 0..1 share's "forecast" is its level, which the trend already says).
     */
    public static final List<String> DEFAULT_FORECAST_METRICS = List.of("repo.stars", "repo.forks",
            "prs.merged", "issues.opened", "commits.count", "contributors.active",
            "dora.deployment_frequency_per_week",
            "prs.time_to_first_review_hours.p50", "prs.time_to_merge_hours.p50", "ci.duration_minutes.p50",
            "issues.time_to_first_response_hours.p50", "dora.lead_time_hours.p50");
    public static final Set<String> DEFAULT_CUMULATIVE_METRICS = Set.of("repo.stars", "repo.forks");
    public static final AnalysisSettings DEFAULTS = new AnalysisSettings(HealthWeights.DEFAULTS, 90, 30,
            DoraThresholds.STATE_OF_DEVOPS_2023, DEFAULT_FORECAST_METRICS, DEFAULT_CUMULATIVE_METRICS);

    public AnalysisSettings {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(dora, "dora");
        // A week is the smallest window in which a weekly slope means anything.
        if (trendDays < 7) {
            throw new IllegalArgumentException("trend-days must be at least 7, got " + trendDays);
        }
        if (forecastDays < 1) {
            throw new IllegalArgumentException("forecast-days must be at least 1, got " + forecastDays);
        }
        forecastMetrics = List.copyOf(forecastMetrics);
        cumulativeMetrics = Set.copyOf(cumulativeMetrics);
    }

    public AnalysisSettings withWeights(HealthWeights newWeights) {
        return new AnalysisSettings(newWeights, trendDays, forecastDays, dora, forecastMetrics, cumulativeMetrics);
    }

    public AnalysisSettings withDora(DoraThresholds newDora) {
        return new AnalysisSettings(weights, trendDays, forecastDays, newDora, forecastMetrics, cumulativeMetrics);
    }

    public AnalysisSettings withDays(int newTrendDays, int newForecastDays) {
        return new AnalysisSettings(weights, newTrendDays, newForecastDays, dora, forecastMetrics, cumulativeMetrics);
    }
}
