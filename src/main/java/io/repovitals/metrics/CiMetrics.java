package io.repovitals.metrics;

import io.repovitals.collect.Datasets;
import io.repovitals.collect.WorkflowRuns;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * metrics.md §ci.*: GitHub Actions workflow runs. Population: runs created in the window with status
 * {@code completed}; durations ({@code updated_at - run_started_at}, minutes) over the decided ones.
 * Pure: no I/O, no clock.
 */
public final class CiMetrics implements MetricFamily {
    static final String TITLE = "ci.* — GitHub Actions workflow runs";
    static final String ABOUT = "Population: workflow runs with `created_at` in window and `status == completed`. A run"
            + " is **decided** when its conclusion is `success`, `failure`, `timed_out` or `startup_failure`. A run's"
            + " duration is `updated_at - run_started_at`.";
    private static final String UNFETCHED = "the workflow runs could not be fetched";
    private static final String UNDECIDED = "runs not decided (conclusion `cancelled`, `skipped`, `neutral`, ...)";

    public static final MetricDef RUNS = MetricDef.count("ci.runs", "completed workflow runs").withLabel("CI runs")
            .withDefinition("runs in the population").withMissingWhen(UNFETCHED);
    public static final MetricDef FAILURES = MetricDef.count("ci.failures", "failed workflow runs")
            .withDefinition("runs with conclusion `failure`, `timed_out` or `startup_failure`").withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.LOWER);
    public static final MetricDef FAILURE_RATE = new MetricDef("ci.failure_rate", MetricDef.Unit.RATIO,
            "failed share of decided runs").withLabel("CI failure rate")
            .withDefinition("`ci.failures` / decided runs").withExcluded(UNDECIDED)
            .withMissingWhen(UNFETCHED + "; or no run in the window is decided")
            .withBetter(MetricDef.Better.LOWER);
    public static final MetricDef DURATION_MIN = minutes("min");
    public static final MetricDef DURATION_P50 = minutes("p50");
    public static final MetricDef DURATION_P75 = minutes("p75");
    public static final MetricDef DURATION_P90 = minutes("p90");
    public static final MetricDef DURATION_P95 = minutes("p95");
    public static final MetricDef DURATION_MAX = minutes("max");
    public static final MetricDef DURATION_MEAN = minutes("mean");
    public static final MetricDef DEFAULT_BRANCH_PASSING = new MetricDef("ci.default_branch_passing", MetricDef.Unit.FLAG,
            "latest decided run on the default branch succeeded").withLabel("default branch passing (1 yes, 0 no)")
            .withDefinition("1 if the latest decided run (by `created_at`, any time before asOf) whose `head_branch` is"
                    + " the default branch succeeded, else 0")
            .withMissingWhen(UNFETCHED + "; or no decided run on the default branch was created before asOf (an empty"
                    + " repository has no default branch)")
            .withBetter(MetricDef.Better.HIGHER);

    public static final List<MetricDef> DEFS = List.of(RUNS, FAILURES, FAILURE_RATE, DURATION_MIN, DURATION_P50,
            DURATION_P75, DURATION_P90, DURATION_P95, DURATION_MAX, DURATION_MEAN, DEFAULT_BRANCH_PASSING);

    private static MetricDef minutes(String statistic) {
        return new MetricDef("ci.duration_minutes." + statistic, MetricDef.Unit.MINUTES, "run duration, " + statistic)
                .withLabel(Stats.label(statistic, "CI duration"))
                .withDefinition(Stats.words(statistic) + " of the duration in minutes over decided runs")
                .withExcluded(UNDECIDED).withMissingWhen(UNFETCHED + "; or no run in the window is decided")
                .withBetter(MetricDef.Better.LOWER);
    }

    @Override
    public List<MetricDef> defs() {
        return DEFS;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String about() {
        return ABOUT;
    }

    @Override
    public List<Outcome> compute(Datasets data, Window window, List<Snapshot> earlier) {
        return from(data, WorkflowRuns.class, window, runs -> compute(runs, window));
    }

    public List<Outcome> compute(WorkflowRuns runs, Window window) {
        // An empty repository (no default branch) has no runs: counts 0, durations missing, as for a quiet one.
        if (window.start().isBefore(runs.since()) || window.asOf().isAfter(runs.asOf())) {
            throw new IllegalArgumentException("the runs were fetched for [" + runs.since() + ", " + runs.asOf()
                    + "], not for the window ending " + window.asOf());
        }
        List<WorkflowRuns.Run> population = runs.runs().stream()
                .filter(run -> run.completed() && window.contains(run.createdAt())).toList();
        List<WorkflowRuns.Run> decided = population.stream().filter(WorkflowRuns.Run::decided).toList();
        long failures = population.stream().filter(WorkflowRuns.Run::failed).count();

        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(Outcome.value(RUNS, population.size()));
        outcomes.add(Outcome.value(FAILURES, failures));
        outcomes.add(decided.isEmpty() ? Outcome.missing(FAILURE_RATE, "no decided runs in the window")
                : Outcome.value(FAILURE_RATE, (double) failures / decided.size()));
        outcomes.addAll(durations(decided.stream().mapToDouble(run -> run.duration().toMillis() / 60_000.0).toArray()));
        outcomes.add(passing(runs, window));
        return outcomes;
    }

    private static List<Outcome> durations(double[] minutes) {
        List<MetricDef> defs = List.of(DURATION_MIN, DURATION_P50, DURATION_P75, DURATION_P90, DURATION_P95,
                DURATION_MAX, DURATION_MEAN);
        if (minutes.length == 0) {
            return defs.stream().map(def -> Outcome.missing(def, "no decided runs in the window")).toList();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double value : minutes) {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
        }
        return List.of(
                Outcome.value(DURATION_MIN, min),
                Outcome.value(DURATION_P50, percentile(minutes, 50)),
                Outcome.value(DURATION_P75, percentile(minutes, 75)),
                Outcome.value(DURATION_P90, percentile(minutes, 90)),
                Outcome.value(DURATION_P95, percentile(minutes, 95)),
                Outcome.value(DURATION_MAX, max),
                Outcome.value(DURATION_MEAN, sum / minutes.length));
    }

    /** Hyndman-Fan type 7 (metrics.md "Conventions"); commons-math3 defaults to another estimator. */
    static double percentile(double[] values, double p) {
        return new Percentile(p).withEstimationType(Percentile.EstimationType.R_7).evaluate(values);
    }

    private static Outcome passing(WorkflowRuns runs, Window window) {
        if (runs.defaultBranch().isEmpty()) {
            return Outcome.missing(DEFAULT_BRANCH_PASSING, "the repository is empty (no default branch), so no run on it");
        }
        String branch = runs.defaultBranch().get();
        Optional<WorkflowRuns.Run> latest = runs.runs().stream()
                .filter(run -> run.decided() && branch.equals(run.headBranch()) && run.createdAt().isBefore(window.asOf()))
                .max(Comparator.comparing(WorkflowRuns.Run::createdAt));
        if (latest.isEmpty()) {
            latest = runs.decidedBeforeSince();
        }
        return latest.map(run -> Outcome.value(DEFAULT_BRANCH_PASSING, run.succeeded() ? 1 : 0))
                .orElseGet(() -> Outcome.missing(DEFAULT_BRANCH_PASSING,
                        "no decided workflow run on the default branch " + branch + " before " + window.asOf()));
    }
}
