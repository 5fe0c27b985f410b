package io.repovitals.analyze;

import java.util.Locale;
import java.util.Map;

/**
 * Plain-words names and values for sentences ("CI failure rate 41 %"). The unit is read from the
 * metric name's conventions (metrics.md "Conventions": {@code _hours}, {@code _minutes}, {@code _days};
 * rates, ratios and coverage are shares 0..1), because the catalog in code does not hold every metric yet.
 */
final class MetricFormat {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("ci.failure_rate", "CI failure rate"),
            Map.entry("ci.runs", "CI runs"),
            Map.entry("ci.duration_minutes.p50", "median CI duration"),
            Map.entry("ci.default_branch_passing", "default branch passing (1 yes, 0 no)"),
            Map.entry("repo.stars", "stars"),
            Map.entry("repo.forks", "forks"),
            Map.entry("repo.open_issues", "open issues"),
            Map.entry("repo.open_prs", "open PRs"),
            Map.entry("prs.merged", "PRs merged"),
            Map.entry("prs.opened", "PRs opened"),
            Map.entry("prs.time_to_merge_hours.p50", "median time to merge"),
            Map.entry("prs.time_to_first_review_hours.p50", "median first review"),
            Map.entry("issues.opened", "issues opened"),
            Map.entry("issues.stale", "stale issues"),
            Map.entry("commits.count", "commits"),
            Map.entry("contributors.active", "active contributors"),
            Map.entry("dora.deployment_frequency_per_week", "deployments a week"),
            Map.entry("dora.lead_time_hours.p50", "median lead time"),
            Map.entry("dora.change_failure_rate", "change failure rate"),
            Map.entry("dora.time_to_restore_hours.p50", "median time to restore"));

    private MetricFormat() {}

    static String label(String metric) {
        return LABELS.getOrDefault(metric, metric);
    }

    /** A value with its unit: "41 %", "9.5 h", "12". */
    static String value(String metric, double value) {
        String name = metric.toLowerCase(Locale.ROOT);
        if (name.contains("_rate") || name.contains("_ratio") || name.endsWith("coverage")) {
            return number(value * 100) + " %";
        }
        if (name.contains("_hours")) {
            return String.format(Locale.ROOT, "%.1f h", value);
        }
        if (name.contains("_minutes")) {
            return String.format(Locale.ROOT, "%.1f min", value);
        }
        if (name.contains("_days")) {
            return String.format(Locale.ROOT, "%.1f days", value);
        }
        return number(value);
    }

    /** Whole numbers without decimals, others with at most one (sentences, not data). */
    static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return String.format(Locale.ROOT, "%d", (long) rounded);
        }
        return String.format(Locale.ROOT, "%.1f", rounded);
    }
}
