package io.repovitals.metrics;

import io.repovitals.collect.Commits;
import io.repovitals.collect.Dataset;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.Issues;
import io.repovitals.collect.PullRequests;
import io.repovitals.collect.RepoState;
import io.repovitals.collect.WorkflowRuns;
import io.repovitals.model.MetricDef;
import io.repovitals.model.Outcome;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One family of metrics.md (repo.*, prs.*, ...): its definitions and a pure computation over the
 * fetched datasets for one window. No I/O, no clock: the same datasets give one result per window,
 * which is how a backfill computes many days from one fetch.
 */
public interface MetricFamily {
    List<MetricDef> defs();

    /** The heading of the family's section in docs/metrics.md, e.g. "repo.* — the repository at asOf". */
    String title();

    /** The section's opening paragraphs (Markdown): the family's population and terms. */
    String about();

    /**
     * @param data    what was fetched; a family whose dataset is absent reports every metric missing with the reason
     * @param window  the window to compute
     * @param earlier the repository's stored snapshots before {@code window.asOf()}, oldest first (may be empty)
     */
    List<Outcome> compute(Datasets data, Window window, List<Snapshot> earlier);

    /**
     * Where the family's values go. False (the default): in the snapshot's {@code metrics}, so every
     * snapshot names each of its defs, in {@code metrics} or in {@code missing}. True: the family's
     * values are the snapshot's daily points (traffic), and its defs appear only in {@code missing},
     * when there are no points.
     */
    default boolean dailyPoints() {
        return false;
    }

    /** Every metric of the family missing for one reason (its dataset could not be fetched). */
    default List<Outcome> allMissing(String reason) {
        return defs().stream().map(def -> Outcome.missing(def, reason)).toList();
    }

    /**
     * The family's outcomes from one dataset: {@code compute} of it when it can answer the window,
     * else every metric missing with the reason of {@link #unusable}.
     */
    default <D extends Dataset> List<Outcome> from(Datasets data, Class<D> type, Window window,
                                                   Function<D, List<Outcome>> compute) {
        return unusable(data, window.start(), window, type).map(this::allMissing)
                .orElseGet(() -> compute.apply(data.get(type).orElseThrow()));
    }

    /**
     * Why the datasets cannot answer a window reaching back to {@code from} (usually its start), if they
     * cannot: the first absent one, with its reason; else the first fetched for a span that does not cover
     * {@code [from, window.asOf()]}, as computing it would undercount silently. Empty when all can.
     */
    @SafeVarargs
    static Optional<String> unusable(Datasets data, Instant from, Window window, Class<? extends Dataset>... types) {
        for (Class<? extends Dataset> type : types) {
            if (data.get(type).isEmpty()) {
                return Optional.of(data.absentReason(type));
            }
        }
        for (Class<? extends Dataset> type : types) {
            Optional<String> uncovered = notCovered(data.get(type).orElseThrow(), from, window);
            if (uncovered.isPresent()) {
                return uncovered;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> notCovered(Dataset dataset, Instant from, Window window) {
        if (dataset instanceof Commits commits) {
            return Stats.notCovered("commits", commits.since(), commits.asOf(), from, window);
        }
        if (dataset instanceof PullRequests pulls) {
            return Stats.notCovered("pull requests", pulls.since(), pulls.asOf(), from, window);
        }
        if (dataset instanceof Issues issues) {
            return Stats.notCovered("issues", issues.since(), issues.asOf(), from, window);
        }
        if (dataset instanceof WorkflowRuns runs) {
            return Stats.notCovered("workflow runs", runs.since(), runs.asOf(), from, window);
        }
        if (dataset instanceof RepoState state) {
            return Stats.notCovered("the repository state", state.since(), state.asOf(), from, window);
        }
        return Optional.empty(); // deployments and traffic say what they cover themselves
    }
}
