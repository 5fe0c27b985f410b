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
 * @param forecastMetrics    the series that get a forecast (cumulative counts and the main rates)
 * @param cumulativeMetrics  running totals: anomalies look at their daily increase, not their level
 */
public record AnalysisSettings(HealthWeights weights, int trendDays, int forecastDays, DoraThresholds dora,
                               List<String> forecastMetrics, Set<String> cumulativeMetrics) {

    public static final List<String> DEFAULT_FORECAST_METRICS = List.of("repo.stars", "repo.forks",
            "prs.merged", "issues.opened", "commits.count", "contributors.active",
            "dora.deployment_frequency_per_week");
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
