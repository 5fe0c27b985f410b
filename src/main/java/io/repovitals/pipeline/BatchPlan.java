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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Organisation mode (issue 16), before any repository is collected: the batched state of every repository
 * ({@link RepositoryBatch}, one request per {@link RepositoryBatch#SIZE}), and the plan it allows, logged:
 * how many repositories, how many are quiet (answered by the batch alone), the requests still needed, and
 * the budget (GraphQL points left as the first batch saw them, and the {@code rate-limit-budget} setting).
 * When the estimate does not fit, the plan says what is left out: the request budget cuts the last
 * datasets of the last repositories, whose snapshots are then partial and say so in the report.
 */
final class BatchPlan {
    /** Below this many repositories the per-repository path alone is cheaper than a batch plus the active ones' queries. */
    static final int MINIMUM_REPOSITORIES = 10;
    /** The per-repository path's requests for an active repository with little activity (one page a collection, 2 traffic). */
    static final int REQUESTS_PER_UNBATCHED = 9;

    private final Map<RepoRef, BatchedRepository> batched;
    private final int batchRequests;

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
        plan.log(ranges.keySet(), doraSource, commitsFromApi, remaining, resetAt, github.budget(), log);
        return plan;
    }

    private void log(java.util.Set<RepoRef> repositories, DoraSource doraSource, boolean commitsFromApi,
                     OptionalLong remaining, String resetAt, RequestBudget budget, Log log) {
        int quiet = 0;
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
            }
            estimate += needed;
        }
        log.info("plan: " + repositories.size() + " repositories, " + quiet + " quiet (answered by the " + batchRequests
                + " batched requests alone, their traffic not collected), " + (repositories.size() - quiet - unbatched) + " active"
                + (unbatched > 0 ? ", " + unbatched + " not in a batch" : "")
                + "; about " + estimate + " more requests; budget: "
                + (remaining.isPresent() ? remaining.getAsLong() + " GraphQL points left" + resetAt : "GraphQL points unknown")
                + (budget.limit() < Integer.MAX_VALUE ? ", rate-limit-budget " + budget.limit() + " requests (" + budget.spent() + " spent)" : ""));
        long room = Math.min(remaining.orElse(Long.MAX_VALUE), budget.limit() < Integer.MAX_VALUE
                ? (long) budget.limit() - budget.spent() : Long.MAX_VALUE);
        if (estimate > room) {
            log.warning("plan: about " + estimate + " requests needed but " + room + " left: the last repositories in name order"
                    + " lose their last datasets (traffic, then workflow runs); their snapshots are marked partial, which the"
                    + " report shows");
        }
    }
}
