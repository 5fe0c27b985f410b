package io.repovitals.collect;

import io.repovitals.config.DoraSource;
import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Ticker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Every dataset of one repository for the range {@code [since, asOf]}, in one pass: repo state,
 * pull requests, issues and commits over GraphQL, workflow runs and traffic over REST, deployments
 * over GraphQL (dora-source {@code deployments}) or REST (the other sources). Metric families then compute any window
 * inside the range, so a backfill costs one fetch. Order: repo state, deployments, pull requests, issues, commits,
 * workflow runs, traffic (a tight request budget cuts the last ones). Deployments come before pull requests: merged
 * PRs are fetched from the last deployment before {@code since} on (dora.lead_time_hours.p50); with
 * {@code dora-source: workflow:<file>} the runs come first, as the deployments are read from them.
 * A dataset GitHub refuses goes absent with the reason; an unknown repository or a rejected token
 * ends the run (from the first request, the repo state).
 */
public final class RepositoryCollector {
    private final RepoStateCollector repoState;
    private final ActivityDatasets activity;
    private final RestDatasets rest;
    private final CommitsCollector commits;

    /**
     * @param workspace       {@code GITHUB_WORKSPACE}: a clone there spares the commit requests
     * @param doraSource      the setting {@code dora-source}
     * @param doraEnvironment the deployments' environment for source {@code deployments}
     */
    public RepositoryCollector(Clock clock, Optional<Path> workspace, DoraSource doraSource, String doraEnvironment) {
        // Nothing is timed without fetches, so no ticker is needed.
        this(clock, () -> 0L, workspace, GitFetch.NEVER, doraSource, doraEnvironment);
    }

    /**
     * @param ticker   times the git fetches
     * @param gitFetch how to fetch the history over git when the workspace has no usable clone
     */
    public RepositoryCollector(Clock clock, Ticker ticker, Optional<Path> workspace, GitFetch gitFetch,
                               DoraSource doraSource, String doraEnvironment) {
        this.repoState = new RepoStateCollector(clock);
        this.commits = new CommitsCollector(workspace, gitFetch, ticker);
        this.activity = new ActivityDatasets(commits);
        this.rest = new RestDatasets(doraSource, doraEnvironment);
    }

    /** Bytes received over git so far (the snapshot's collection block). */
    public long gitBytes() {
        return commits.gitBytes();
    }

    /** Milliseconds spent fetching over git so far. */
    public long gitMillis() {
        return commits.gitMillis();
    }

    /**
     * @param range the windows to compute, from the earliest one's start to the run's asOf
     */
    public Datasets fetch(GitHubClients github, RepoRef repo, CollectionRange range) {
        Instant since = range.since();
        Instant asOf = range.asOf();
        RepoState state = repoState.fetch(github, repo, since, asOf);
        Datasets data = new Datasets().with(RepoState.class, state);
        // Deployments first: the last one before since tells from when merged PRs are needed (lead time).
        rest.fetchDeploymentsInto(data, github, repo, range, state.defaultBranch());
        Instant prsMergedSince = data.get(Deployments.class)
                .map(deployments -> deployments.mergedPullRequestsNeededSince(since, asOf)).orElse(since);
        activity.fetchInto(data, github, repo, range, prsMergedSince, state.defaultBranch());
        rest.fetchRestInto(data, github, repo, range, state.defaultBranch());
        return data;
    }
}
