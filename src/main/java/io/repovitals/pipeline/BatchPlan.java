package io.repovitals.pipeline;

import io.repovitals.collect.BatchedRepository;
import io.repovitals.collect.CollectionRange;
import io.repovitals.collect.RepositoryBatch;
import io.repovitals.config.DoraSource;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RequestBudget;
import io.repovitals.model.RepoRef;
import io.repovitals.runtime.Log;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Organisation mode (issue 16), before any repository is collected: the batched state of every repository
 * ({@link RepositoryBatch}, one request per {@link RepositoryBatch#SIZE}), and the plan it allows, logged:
 * how many repositories, how many are quiet (answered by the batch alone), the requests still needed, and
 * the budget (GraphQL points left as the first batch saw them, and the {@code rate-limit-budget} setting).
 * When the estimate does not fit, the plan says what is left out, in the order the budget cuts it: the
 * active repositories past the point where the estimate reaches the budget, in name order, each one's
 * datasets from the end (traffic first); their snapshots are then partial, which the job summary's gap
 * table ({@link GapDigest#summary()}) and their weekly reports show, with the reason.
 */
final class BatchPlan {
    /** Below this many repositories the per-repository path alone is cheaper than a batch plus the active ones' queries. */
    static final int MINIMUM_REPOSITORIES = 10;
    /** A quiet repository's weekly traffic: views and clones. */
    private static final int QUIET_TRAFFIC_REQUESTS = 2;

    /** The per-repository path's requests for an active repository with little activity (one page a collection, 2 traffic). */
    static final int REQUESTS_PER_UNBATCHED = 9;

    /** Repositories the over-budget warning names; the rest are counted. */
    static final int NAMES_SHOWN = 10;

    private final Map<RepoRef, BatchedRepository> batched;
    private final int batchRequests;
    private final List<RepoRef> leftOut = new ArrayList<>();

    private BatchPlan(Map<RepoRef, BatchedRepository> batched, int batchRequests) {
        this.batched = batched;
        this.batchRequests = batchRequests;
    }

    static BatchPlan none() {
        return new BatchPlan(Map.of(), 0);
    }

    BatchedRepository get(RepoRef repo) {
        return batched.get(repo);
    }

    int batchRequests() {
        return batchRequests;
    }

    /**
     * @param ranges each repository's range (a first run's backfill makes its range longer): one batch per distinct range
     */
    static BatchPlan make(GitHubClients github, Clock clock, Map<RepoRef, CollectionRange> ranges, String environment,
                          DoraSource doraSource, boolean commitsFromApi, Log log) {
        return make(github, clock, ranges, environment, doraSource, commitsFromApi, repo -> false, log);
    }

    /**
     * @param weeklyTrafficDue whether a quiet repository fetches its weekly traffic this run ({@code collect.TrafficSchedule}):
     *                         2 requests the estimate counts
     */
    static BatchPlan make(GitHubClients github, Clock clock, Map<RepoRef, CollectionRange> ranges, String environment,
                          DoraSource doraSource, boolean commitsFromApi, Predicate<RepoRef> weeklyTrafficDue, Log log) {
        if (ranges.size() < MINIMUM_REPOSITORIES) {
            return none();
        }
        Map<CollectionRange, List<RepoRef>> byRange = new LinkedHashMap<>();
        ranges.forEach((repo, range) -> byRange.computeIfAbsent(range, key -> new ArrayList<>()).add(repo));
        Map<RepoRef, BatchedRepository> answered = new HashMap<>();
        int requests = 0;
        OptionalLong remaining = OptionalLong.empty();
        String resetAt = "";
        RepositoryBatch batch = new RepositoryBatch(clock);
        for (Map.Entry<CollectionRange, List<RepoRef>> group : byRange.entrySet()) {
            RepositoryBatch.Answer answer = batch.fetch(github, group.getValue(), group.getKey(), environment);
            answered.putAll(answer.repositories());
            requests += answer.requests();
            answer.failures().forEach(log::warning);
            if (remaining.isEmpty() && answer.remaining().isPresent()) {
                remaining = answer.remaining();
                resetAt = answer.resetAt().map(at -> " (resets " + at + ")").orElse("");
            }
        }
        BatchPlan plan = new BatchPlan(answered, requests);
        plan.log(ranges.keySet(), doraSource, commitsFromApi, weeklyTrafficDue, remaining, resetAt, github.budget(), log);
        return plan;
    }

    private void log(Set<RepoRef> repositories, DoraSource doraSource, boolean commitsFromApi, Predicate<RepoRef> weeklyTrafficDue,
                     OptionalLong remaining, String resetAt, RequestBudget budget, Log log) {
        int quiet = 0;
        int quietTraffic = 0;
        int estimate = 0;
        int unbatched = 0;
        for (RepoRef repo : repositories) {
            BatchedRepository one = batched.get(repo);
            if (one == null) {
                unbatched++;
                estimate += REQUESTS_PER_UNBATCHED;
                continue;
            }
            int needed = one.estimatedRequests(doraSource instanceof DoraSource.Deployments, commitsFromApi);
            if (needed == 0) {
                quiet++;
                if (weeklyTrafficDue.test(repo)) {
                    quietTraffic++;
                    needed = QUIET_TRAFFIC_REQUESTS;
                }
            }
            estimate += needed;
        }
        log.info("plan: " + repositories.size() + " repositories, " + quiet + " quiet (answered by the " + batchRequests
                + " batched requests alone; " + quietTraffic + " of them fetch their weekly traffic), " + (repositories.size() - quiet - unbatched) + " active"
                + (unbatched > 0 ? ", " + unbatched + " not in a batch" : "")
                + "; about " + estimate + " more requests; budget: "
                + (remaining.isPresent() ? remaining.getAsLong() + " GraphQL points left" + resetAt : "GraphQL points unknown")
                + (budget.limit() < Integer.MAX_VALUE ? ", rate-limit-budget " + budget.limit() + " requests (" + budget.spent() + " spent)" : ""));
        long room = Math.min(remaining.orElse(Long.MAX_VALUE), budget.limit() < Integer.MAX_VALUE
                ? (long) budget.limit() - budget.spent() : Long.MAX_VALUE);
        if (estimate > room) {
            log.warning(overBudget(repositories, doraSource, commitsFromApi, estimate, room,
                    remaining.isPresent() && remaining.getAsLong() == room ? "GraphQL points" : "rate-limit-budget requests"));
        }
    }

    /**
     * What the budget will cut, in the order it cuts: repositories are collected in name order, so the active
     * ones past the point where the estimate reaches {@code room} lose their datasets, the one at that point its
     * last ones (traffic first), the later ones all of theirs. Quiet repositories need no request and stay whole.
     */
    private String overBudget(Set<RepoRef> repositories, DoraSource doraSource, boolean commitsFromApi,
                              int estimate, long room, String unit) {
        boolean deployments = doraSource instanceof DoraSource.Deployments;
        List<String> cut = new ArrayList<>();
        leftOut.clear();
        long used = 0;
        for (RepoRef repo : repositories) {
            BatchedRepository one = batched.get(repo);
            int needed = one == null ? REQUESTS_PER_UNBATCHED : one.estimatedRequests(deployments, commitsFromApi);
            if (needed == 0) {
                continue;
            }
            if (used + needed > room) {
                List<String> datasets = one == null ? List.of("every dataset") : one.datasetsToCollect(deployments, commitsFromApi);
                if (used < room) {
                    List<String> fromTheEnd = new ArrayList<>(datasets);
                    Collections.reverse(fromTheEnd);
                    cut.add(repo + " (its last datasets, from " + String.join(", then ", fromTheEnd) + ")");
                } else {
                    cut.add(repo + " (all of " + String.join(", ", datasets) + ")");
                }
                leftOut.add(repo);
            }
            used += needed;
        }
        String named = String.join("; ", cut.subList(0, Math.min(cut.size(), NAMES_SHOWN)))
                + (cut.size() > NAMES_SHOWN ? "; and " + (cut.size() - NAMES_SHOWN) + " more after them in name order" : "");
        return "plan: about " + estimate + " requests needed but " + room + " " + unit + " left, so the budget runs out"
                + " before the last " + cut.size() + (cut.size() == 1 ? " active repository" : " active repositories")
                + " in name order, which lose, in the order the budget cuts them: " + named
                + ". Quiet repositories need no request and stay complete. The cut snapshots are partial: the job summary's"
                + " gap table and each one's weekly report (\"Partial data\") name them and why";
    }

    /** The active repositories the plan expects the budget to cut, in name order (empty when the estimate fits). */
    List<RepoRef> leftOut() {
        return List.copyOf(leftOut);
    }
}
