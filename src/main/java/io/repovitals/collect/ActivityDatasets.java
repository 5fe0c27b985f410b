package io.repovitals.collect;

import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The GraphQL half of a repository's collection in one call: {@link PullRequests}, {@link Issues}
 * and {@link Commits}, each into {@link Datasets#fetch} so that a failure (an HTTP failure, GraphQL
 * errors with partial data) leaves that dataset absent with its reason, the snapshot partial when
 * it was transient, and the others in place. An empty repository (no default branch) has no pull
 * requests or commits: absent with that reason, for no request.
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
     * @param since         the start of the earliest window to compute (a backfill's first day minus windowDays)
     * @param asOf          the latest asOf to compute
     * @param defaultBranch {@link RepoState#defaultBranch()}; empty for an empty repository
     */
    public Datasets fetchInto(Datasets data, GitHubClients github, RepoRef repo, Instant since, Instant asOf,
                              Optional<String> defaultBranch) {
        return fetchInto(data, github, repo, since, asOf, asOf, defaultBranch);
    }

    /**
     * @param firstWindowAsOf the earliest asOf to compute: its bus factor needs the 90 days before it
     */
    public Datasets fetchInto(Datasets data, GitHubClients github, RepoRef repo, Instant since, Instant firstWindowAsOf,
                              Instant asOf, Optional<String> defaultBranch) {
        return fetchInto(data, github, repo, since, since, firstWindowAsOf, asOf, defaultBranch);
    }

    /**
     * @param prsMergedSince PRs merged at or after it are fetched too: {@link Deployments#mergedPullRequestsNeededSince}
     *                       (the last deployment before {@code since}, for dora.lead_time_hours.p50)
     */
    public Datasets fetchInto(Datasets data, GitHubClients github, RepoRef repo, Instant since, Instant prsMergedSince,
                              Instant firstWindowAsOf, Instant asOf, Optional<String> defaultBranch) {
        if (defaultBranch.isEmpty()) {
            data.without(PullRequests.class, "the repository is empty (no default branch), so it has no pull requests");
            data.without(Commits.class, "the repository is empty (no default branch), so it has no commits");
        } else {
            data.fetch(PullRequests.class, () -> pulls.fetch(github, repo, since, prsMergedSince, asOf));
        }
        data.fetch(Issues.class, () -> issues.fetch(github, repo, since, asOf));
        if (defaultBranch.isPresent()) {
            Instant ninetyDays = firstWindowAsOf.minus(BUS_FACTOR_RANGE);
            Instant commitsSince = ninetyDays.isBefore(since) ? ninetyDays : since;
            data.fetch(Commits.class, () -> commits.fetch(github, repo, commitsSince, asOf, defaultBranch));
        }
        return data;
    }
}
