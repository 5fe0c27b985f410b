package io.repovitals.collect;

import io.repovitals.config.DoraSource;
import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Ticker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link RepositoryCollector}'s datasets for a repository that a {@link RepositoryBatch} answered: each
 * dataset the batch settles is taken from it ({@link BatchedRepository}), the others are collected as
 * {@link RepositoryCollector} collects them, in the same order. A repository whose every dataset came
 * from the batch is quiet: its traffic (two REST requests that no batch can answer) is left out, saying
 * why, so that a quiet repository costs no request of its own.
 */
public final class BatchedCollector {
    /** The reason quiet repositories' traffic metrics carry. */
    public static final String QUIET_TRAFFIC = "not collected for a quiet repository (nothing happened in the window, "
            + "so only the organisation's batched query was asked: traffic takes 2 REST requests a repository)";

    private final RepoStateCollector repoState;
    private final CommitsCollector commits;
    private final ActivityDatasets activity;
    private final PullRequestsCollector pulls = new PullRequestsCollector();
    private final IssuesCollector issues = new IssuesCollector();
    private final WorkflowRunsCollector runs = new WorkflowRunsCollector();
    private final TrafficCollector traffic = new TrafficCollector();
    private final RestDatasets rest;
    private final DoraSource doraSource;

    /** Same parameters as {@link RepositoryCollector#RepositoryCollector(Clock, Ticker, Optional, GitFetch, DoraSource, String)}. */
    public BatchedCollector(Clock clock, Ticker ticker, Optional<Path> workspace, GitFetch gitFetch,
                            DoraSource doraSource, String doraEnvironment) {
        this.repoState = new RepoStateCollector(clock);
        this.commits = new CommitsCollector(workspace, gitFetch, ticker);
        this.activity = new ActivityDatasets(commits);
        this.rest = new RestDatasets(doraSource, doraEnvironment);
        this.doraSource = Objects.requireNonNull(doraSource, "doraSource");
    }

    /** The datasets, which of them the batch answered, and whether the repository is quiet. */
    public record Collected(Datasets data, List<String> fromBatch, List<String> collected, boolean quiet) {}

    public long gitBytes() {
        return commits.gitBytes();
    }

    public long gitMillis() {
        return commits.gitMillis();
    }

    public Collected fetch(GitHubClients github, RepoRef repo, CollectionRange range, BatchedRepository batched) {
        Instant since = range.since();
        Instant asOf = range.asOf();
        List<String> fromBatch = new ArrayList<>();
        List<String> collected = new ArrayList<>();
        Datasets data = new Datasets();

        Optional<RepoState> quietState = batched.repoState();
        RepoState state = quietState.orElseGet(() -> repoState.fetch(github, repo, since, asOf));
        note(quietState.isPresent(), "repo state", fromBatch, collected);
        data.with(RepoState.class, state);
        Optional<String> branch = state.defaultBranch();

        Optional<Deployments> quietDeployments = doraSource instanceof DoraSource.Deployments
                ? batched.deployments(DeploymentsCollector.DEFAULT_LOOKBACK) : Optional.empty();
        if (quietDeployments.isPresent()) {
            data.with(Deployments.class, quietDeployments.get());
        } else {
            rest.fetchDeploymentsInto(data, github, repo, range, branch);
        }
        note(quietDeployments.isPresent(), "deployments", fromBatch, collected);
        Instant prsMergedSince = data.get(Deployments.class)
                .map(deployments -> deployments.mergedPullRequestsNeededSince(since, asOf)).orElse(since);

        if (branch.isEmpty()) {
            // The empty repository's rule of ActivityDatasets (no pull requests, no commits), for no request.
            activity.emptyRepositoryInto(data, range, prsMergedSince);
            note(either(data, Issues.class, () -> batched.issues(github, repo), () -> issues.fetch(github, repo, since, asOf)),
                    "issues", fromBatch, collected);
        } else {
            note(either(data, PullRequests.class, () -> batched.pullRequests(github, repo, prsMergedSince),
                    () -> pulls.fetch(github, repo, since, prsMergedSince, asOf)), "pull requests", fromBatch, collected);
            note(either(data, Issues.class, () -> batched.issues(github, repo), () -> issues.fetch(github, repo, since, asOf)),
                    "issues", fromBatch, collected);
            boolean quietCommits = either(data, Commits.class, () -> commits.apiOnly() ? batched.commits() : Optional.empty(),
                    () -> commits.fetch(github, repo, ActivityDatasets.commitsSince(range), asOf, branch));
            note(quietCommits || !commits.apiOnly(), "commits", fromBatch, collected);
        }

        if (!data.attempted(WorkflowRuns.class)) {
            note(either(data, WorkflowRuns.class, batched::workflowRuns,
                    () -> runs.fetch(github, repo, since, asOf, branch, range.firstWindowAsOf())), "workflow runs", fromBatch, collected);
        }
        boolean quiet = collected.isEmpty();
        if (quiet) {
            data.without(Traffic.class, QUIET_TRAFFIC);
        } else {
            data.fetch(Traffic.class, () -> traffic.fetch(github, repo, since, asOf));
        }
        return new Collected(data, fromBatch, collected, quiet);
    }

    /**
     * The dataset from the batch when it settles it, else from its collector; either way inside {@link Datasets#fetch},
     * so a failure (an overflowing list's follow-up request, an answer that cannot be read) leaves it absent with the reason.
     *
     * @return whether the batch gave it
     */
    private static <D extends Dataset> boolean either(Datasets data, Class<D> type, Supplier<Optional<D>> fromBatch,
                                                      Supplier<D> collector) {
        boolean[] batched = {false};
        data.fetch(type, () -> {
            Optional<D> answer = GraphQlNodes.readable("the batched answer for " + type.getSimpleName(), fromBatch);
            batched[0] = answer.isPresent();
            return answer.orElseGet(collector);
        });
        return batched[0];
    }

    private static void note(boolean batched, String what, List<String> fromBatch, List<String> collected) {
        (batched ? fromBatch : collected).add(what);
    }
}
