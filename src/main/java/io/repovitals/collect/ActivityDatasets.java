package io.repovitals.collect;

import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The GraphQL half of a repository's collection in one call: {@link PullRequests}, {@link Issues}
 * and {@link Commits}, each into {@link Datasets#fetch} so that a failure (an HTTP failure, GraphQL
 * errors with partial data) leaves that dataset absent with its reason, the snapshot partial when
 * it was transient, and the others in place. An empty repository (no default branch) has no pull
 * requests or commits: empty datasets (counts 0, durations missing), for no request.
 */
public final class ActivityDatasets {
    /** contributors.bus_factor looks at the default branch's last 90 days, whatever the window. */
    static final Duration BUS_FACTOR_RANGE = Duration.ofDays(90);

    private final PullRequestsCollector pulls = new PullRequestsCollector();
    private final IssuesCollector issues = new IssuesCollector();
    private final CommitsCollector commits;

    /** @param workspace the directory of {@code GITHUB_WORKSPACE}, when there is one (commits come from its clone when it can) */
    public ActivityDatasets(Optional<Path> workspace) {
        this(new CommitsCollector(workspace));
    }

    public ActivityDatasets(CommitsCollector commits) {
        this.commits = commits;
    }

    /**
     * @param range          the windows to compute
     * @param prsMergedSince PRs merged at or after it are fetched too: {@link Deployments#mergedPullRequestsNeededSince}
     *                       (the last deployment before the range, for dora.lead_time_hours.p50)
     * @param defaultBranch  {@link RepoState#defaultBranch()}; empty for an empty repository
     */
    public Datasets fetchInto(Datasets data, GitHubClients github, RepoRef repo, CollectionRange range,
                              Instant prsMergedSince, Optional<String> defaultBranch) {
        Instant since = range.since();
        Instant asOf = range.asOf();
        if (defaultBranch.isEmpty()) {
            emptyRepositoryInto(data, range, prsMergedSince);
        } else {
            data.fetch(PullRequests.class, () -> pulls.fetch(github, repo, since, prsMergedSince, asOf));
        }
        data.fetch(Issues.class, () -> issues.fetch(github, repo, since, asOf));
        if (defaultBranch.isPresent()) {
            Instant commitsSince = commitsSince(range);
            data.fetch(Commits.class, () -> commits.fetch(github, repo, commitsSince, asOf, defaultBranch));
        }
        return data;
    }

    /** {@link Commits#source()} of an empty repository's commits: there are none, and none was asked for. */
    public static final String EMPTY_SOURCE = "none: the repository is empty (no default branch)";

    /**
     * An empty repository (no default branch) has no pull requests and no commits, for no request: empty datasets,
     * so that counts are 0 and what cannot exist (durations, ratios) is missing, as for a quiet repository.
     */
    void emptyRepositoryInto(Datasets data, CollectionRange range, Instant prsMergedSince) {
        Instant mergedSince = prsMergedSince.isBefore(range.since()) ? prsMergedSince : range.since();
        data.with(PullRequests.class, new PullRequests(range.since(), mergedSince, range.asOf(), "", List.of()));
        data.with(Commits.class, new Commits(commitsSince(range), range.asOf(), EMPTY_SOURCE, Optional.empty(), List.of()));
    }

    /** Where the commits of a range start: its since, or 90 days before its first window's asOf when earlier (bus factor). */
    static Instant commitsSince(CollectionRange range) {
        Instant ninetyDays = range.firstWindowAsOf().minus(BUS_FACTOR_RANGE);
        return ninetyDays.isBefore(range.since()) ? ninetyDays : range.since();
    }
}
