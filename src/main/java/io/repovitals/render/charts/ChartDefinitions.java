package io.repovitals.render.charts;

import java.util.List;

/**
 * Which charts exist and which metrics each shows. Metrics that measure different things (a count and
 * a duration, a duration and a share) get separate charts: one y axis each keeps every chart readable
 * and lets mermaid, which has a single y axis, draw the same charts.
 */
final class ChartDefinitions {
    /** The series of the health score, computed rather than read from the snapshots. */
    static final String HEALTH_SCORE = "health.score";

    /**
     * @param unit  appended to values in the alt text, e.g. {@code " h"}
     * @param scale multiplies stored values (shares 0..1 are shown as percentages)
     */
    record SeriesDef(String name, String metric, double scale) {}

    record ChartDef(String id, String title, String yLabel, String unit, List<SeriesDef> series) {}

    static final List<ChartDef> ALL = List.of(
            new ChartDef("stars-forks", "Stars and forks", "count", "", List.of(
                    new SeriesDef("Stars", "repo.stars", 1), new SeriesDef("Forks", "repo.forks", 1))),
            new ChartDef("pr-throughput", "Pull requests opened and merged", "pull requests per {window} days", "", List.of(
                    new SeriesDef("Opened", "prs.opened", 1), new SeriesDef("Merged", "prs.merged", 1))),
            new ChartDef("review-merge-time", "Time to first review and to merge", "hours", " h", List.of(
                    new SeriesDef("First review p50", "prs.time_to_first_review_hours.p50", 1),
                    new SeriesDef("First review p90", "prs.time_to_first_review_hours.p90", 1),
                    new SeriesDef("Merge p50", "prs.time_to_merge_hours.p50", 1),
                    new SeriesDef("Merge p90", "prs.time_to_merge_hours.p90", 1))),
            new ChartDef("issue-age", "Age of open issues", "days", " days", List.of(
                    new SeriesDef("Mean age", "issues.open_age_days.mean", 1),
                    new SeriesDef("Median age", "issues.open_age_days.p50", 1),
                    new SeriesDef("p90 age", "issues.open_age_days.p90", 1))),
            new ChartDef("issue-attention", "Open issues needing attention", "issues", "", List.of(
                    new SeriesDef("Awaiting first response", "issues.awaiting_first_response", 1),
                    new SeriesDef("Stale", "issues.stale", 1))),
            new ChartDef("ci-duration", "CI run duration", "minutes", " min", List.of(
                    new SeriesDef("p50", "ci.duration_minutes.p50", 1),
                    new SeriesDef("p90", "ci.duration_minutes.p90", 1))),
            new ChartDef("ci-failure-rate", "CI failure rate", "% of decided runs", " %", List.of(
                    new SeriesDef("Failure rate", "ci.failure_rate", 100))),
            new ChartDef("health-score", "Health score", "score (0-100)", "", List.of(
                    new SeriesDef("Health score", HEALTH_SCORE, 1))));

    private ChartDefinitions() {}
}
