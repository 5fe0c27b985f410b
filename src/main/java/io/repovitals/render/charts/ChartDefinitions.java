package io.repovitals.render.charts;

import io.repovitals.metrics.CiMetrics;
import io.repovitals.metrics.IssueMetrics;
import io.repovitals.metrics.PrMetrics;
import io.repovitals.metrics.RepoMetrics;
import io.repovitals.model.MetricDef;

import java.util.List;
import java.util.Locale;

/**
 * Which charts exist and which metrics each shows. Metrics that measure different things (a count and
 * a duration, a duration and a share) get separate charts: one y axis each keeps every chart readable
 * and lets mermaid, which has a single y axis, draw the same charts. A series' legend, unit and scale
 * come from its metric's definition.
 */
final class ChartDefinitions {
    /** The series of the health score, computed rather than read from the snapshots. */
    static final MetricDef HEALTH = new MetricDef("health.score", MetricDef.Unit.NUMBER, "health score");
    static final String HEALTH_SCORE = HEALTH.name();

    /** One line of a chart: a metric, drawn in its unit (shares 0..1 as percentages). */
    record SeriesDef(MetricDef def) {
        String metric() {
            return def.name();
        }

        /** The metric's label, capitalised unless it starts with a statistic ("p90 CI duration"). */
        String name() {
            String label = def.label();
            return label.matches("p[0-9].*") ? label : label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
        }

        /** Multiplies stored values: shares 0..1 are shown as percentages. */
        double scale() {
            return def.unit() == MetricDef.Unit.RATIO ? 100 : 1;
        }
    }

    /** @param yLabel the y axis; {@code {window}} stands for the window's days */
    record ChartDef(String id, String title, String yLabel, List<SeriesDef> series) {
        ChartDef {
            if (series.stream().map(line -> line.def().unit().symbol()).distinct().count() != 1) {
                throw new IllegalArgumentException(id + ": a chart's series share one unit (one y axis)");
            }
        }

        ChartDef(String id, String title, String yLabel, MetricDef... metrics) {
            this(id, title, yLabel, List.of(metrics).stream().map(SeriesDef::new).toList());
        }

        /** Appended to values in the alt text, e.g. {@code " h"}. */
        String unit() {
            return series.get(0).def().unit().symbol();
        }
    }

    // Stars and forks are both counts, yet often an order of magnitude apart: on one axis forks would be
    // a flat line at the bottom, so each gets its own chart.
    static final List<ChartDef> ALL = List.of(
            new ChartDef("stars", "Stars", "stars", RepoMetrics.STARS),
            new ChartDef("forks", "Forks", "forks", RepoMetrics.FORKS),
            new ChartDef("pr-throughput", "Pull requests opened and merged", "pull requests per {window} days",
                    PrMetrics.OPENED, PrMetrics.MERGED),
            new ChartDef("review-merge-time", "Time to first review and to merge", "hours",
                    PrMetrics.FIRST_REVIEW_P50, PrMetrics.FIRST_REVIEW_P90,
                    PrMetrics.TIME_TO_MERGE_P50, PrMetrics.TIME_TO_MERGE_P90),
            new ChartDef("issue-age", "Age of open issues", "days", IssueMetrics.OPEN_AGE_MEAN, IssueMetrics.OPEN_AGE_P50),
            new ChartDef("issue-attention", "Open issues needing attention", "issues",
                    IssueMetrics.AWAITING_FIRST_RESPONSE, IssueMetrics.STALE),
            new ChartDef("ci-duration", "CI run duration", "minutes", CiMetrics.DURATION_P50, CiMetrics.DURATION_P90),
            new ChartDef("ci-failure-rate", "CI failure rate", "% of decided runs", CiMetrics.FAILURE_RATE),
            new ChartDef("health-score", "Health score", "score (0-100)", HEALTH));

    private ChartDefinitions() {}
}
