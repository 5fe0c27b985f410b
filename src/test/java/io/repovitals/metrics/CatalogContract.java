package io.repovitals.metrics;

import java.util.List;

/**
 * The metric names of the catalog contract the project was given (version 1), copied by hand in its
 * order. Tests hold the catalog to it as a floor: each of these names stays, in this order, and a new
 * metric is added without a change here.
 */
public final class CatalogContract {
    public static final List<String> NAMES = List.of(
            "repo.stars", "repo.forks", "repo.watchers", "repo.open_issues", "repo.open_prs", "repo.branches",
            "repo.stars_gained", "repo.forks_gained",
            "commits.count", "commits.authors", "commits.per_author", "commits.hotfix", "commits.reverts",
            "code.lines_added", "code.lines_deleted", "code.files_changed",
            "prs.opened", "prs.merged", "prs.closed_unmerged", "prs.merge_ratio",
            "prs.time_to_merge_hours.mean", "prs.time_to_merge_hours.p50", "prs.time_to_merge_hours.p90",
            "prs.time_to_first_review_hours.p50", "prs.time_to_first_review_hours.p90",
            "prs.awaiting_first_review", "prs.reviews_per_pr", "prs.review_coverage", "prs.size_lines.p50",
            "issues.opened", "issues.closed",
            "issues.time_to_first_response_hours.p50", "issues.time_to_first_response_hours.p90",
            "issues.time_to_close_hours.p50", "issues.open_age_days.mean", "issues.open_age_days.p50",
            "issues.awaiting_first_response", "issues.stale",
            "ci.runs", "ci.failures", "ci.failure_rate",
            "ci.duration_minutes.min", "ci.duration_minutes.p50", "ci.duration_minutes.p75", "ci.duration_minutes.p90",
            "ci.duration_minutes.p95", "ci.duration_minutes.max", "ci.duration_minutes.mean",
            "ci.default_branch_passing",
            "contributors.active", "contributors.new", "contributors.bus_factor",
            "dora.deployments", "dora.deployment_frequency_per_week", "dora.lead_time_hours.p50",
            "dora.change_failure_rate", "dora.time_to_restore_hours.p50",
            "traffic.views", "traffic.unique_visitors", "traffic.clones", "traffic.unique_cloners");
    /** The contract's traffic metrics: daily points, named in a snapshot only in {@code missing}. */
    public static final List<String> TRAFFIC = NAMES.subList(NAMES.size() - 4, NAMES.size());
    /** The contract's metrics every snapshot names, in {@code metrics} or in {@code missing}: all but traffic. */
    public static final List<String> MEASURED = NAMES.subList(0, NAMES.size() - 4);

    private CatalogContract() {}
}
