package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One repository's part of a {@link RepositoryBatch} answer, and each dataset it settles on its own: the
 * dataset exactly as its collector would have returned it, or empty when the collector must still run.
 * Each rule is conservative: it answers only when the batch shows the collector's first page would
 * have held everything in range (e.g. no issue updated since {@code since} and at most the 10 open
 * issues the batch carries).
 */
public final class BatchedRepository {
    private final JsonNode node;
    private final Instant fetchedAt;
    private final CollectionRange range;
    private final Instant commitsSince;
    private final boolean starsRefused;

    BatchedRepository(JsonNode node, Instant fetchedAt, CollectionRange range, Instant commitsSince, boolean starsRefused) {
        this.starsRefused = starsRefused;
        this.node = node;
        this.fetchedAt = fetchedAt;
        this.range = range;
        this.commitsSince = commitsSince;
    }

    public Optional<String> defaultBranch() {
        return Optional.ofNullable(node.path("defaultBranchRef").path("name").textValue());
    }

    public boolean archived() {
        return node.path("isArchived").asBoolean(false);
    }

    public boolean fork() {
        return node.path("isFork").asBoolean(false);
    }

    /** Default-branch commits in the commits' range (the bus factor's 90 days included). */
    public long commitsInRange() {
        return head().path("history").path("totalCount").asLong(0);
    }

    private JsonNode head() {
        return node.path("defaultBranchRef").path("target");
    }

    private boolean before(JsonNode time, Instant instant) {
        Instant at = GraphQlNodes.instant(time);
        return at == null || at.isBefore(instant);
    }

    private boolean noPullRequestUpdatedSince() {
        return before(node.path("latestPullRequest").path("nodes").path(0).path("updatedAt"), range.since());
    }

    private boolean settlesRepoState() {
        JsonNode star = node.path("latestStar").path("edges").path(0);
        // A star without its time: GitHub withholds star times from this token, which the collector reports.
        boolean noStar = node.path("latestStar").isObject() && star.isMissingNode();
        boolean starsQuiet = !starsRefused && (noStar || (star.hasNonNull("starredAt") && before(star.path("starredAt"), range.since())));
        boolean forksQuiet = before(node.path("latestFork").path("nodes").path(0).path("createdAt"), range.since());
        return starsQuiet && forksQuiet && noIssueUpdatedSince() && noPullRequestUpdatedSince();
    }

    private boolean noIssueUpdatedSince() {
        return node.path("updatedIssues").path("totalCount").asLong(-1) == 0;
    }

    private static boolean complete(JsonNode connection) {
        return connection.path("totalCount").asInt(-1) == connection.path("nodes").size();
    }

    private boolean settlesPullRequests() {
        return defaultBranch().isPresent() && noPullRequestUpdatedSince() && complete(node.path("openPullRequests"));
    }

    private boolean settlesIssues() {
        return noIssueUpdatedSince() && complete(node.path("openIssues"));
    }

    private boolean settlesDeployments(Duration lookback) {
        return before(node.path("latestDeployment").path("nodes").path(0).path("createdAt"), range.since().minus(lookback));
    }

    private boolean settlesCommits() {
        return defaultBranch().isPresent() && !head().path("history").isMissingNode() && commitsInRange() == 0;
    }

    /**
     * The requests the per-repository path still needs for what the batch does not settle (first pages only:
     * one a collection, a page per 100 open items or commits, 2 for workflow runs with their anchor, 2 for
     * traffic); 0 for a quiet repository.
     *
     * @param deploymentsSource whether {@code dora-source} is {@code deployments} (the batch can settle only those)
     * @param commitsFromApi    whether commits come from the API (else from a clone or git, for no request)
     */
    public int estimatedRequests(boolean deploymentsSource, boolean commitsFromApi) {
        int requests = 0;
        requests += settlesRepoState() ? 0 : 1;
        requests += deploymentsSource && settlesDeployments(DeploymentsCollector.DEFAULT_LOOKBACK) ? 0 : 1;
        if (defaultBranch().isPresent()) {
            requests += settlesPullRequests() ? 0 : 1 + node.path("openPullRequests").path("totalCount").asInt(0) / 100;
            requests += commitsFromApi && !settlesCommits() ? Math.max(1, (int) ((commitsInRange() + 99) / 100)) : 0;
        }
        requests += workflowRuns().isPresent() ? 0 : 2;
        requests += settlesIssues() ? 0 : 1 + node.path("openIssues").path("totalCount").asInt(0) / 100;
        return requests == 0 ? 0 : requests + 2;
    }

    /** Repo state: counts from the batch, no change since {@code since} (no star, fork, issue or PR update). */
    public Optional<RepoState> repoState() {
        if (!settlesRepoState()) {
            return Optional.empty();
        }
        return Optional.of(new RepoState(node.path("nameWithOwner").asText(), defaultBranch(), fetchedAt,
                range.since(), range.asOf(),
                node.path("stargazerCount").asLong(), node.path("forkCount").asLong(),
                node.path("watchers").path("totalCount").asLong(),
                node.path("openIssues").path("totalCount").asLong(),
                node.path("openPullRequests").path("totalCount").asLong(),
                node.path("branches").path("totalCount").asLong(),
                Optional.of(List.of()), Optional.empty(), List.of(), List.of(), List.of()));
    }

    /** Deployments (source {@code deployments}): none created since {@code since - lookback}, so none in range. */
    public Optional<Deployments> deployments(Duration lookback) {
        if (!settlesDeployments(lookback)) {
            return Optional.empty();
        }
        return Optional.of(new Deployments("deployments", range.since(), List.of()));
    }

    /**
     * Pull requests: every open one is in the batch and none was updated since {@code since}, with merged
     * ones needed from {@code since} only (nothing deployed in range). Overflowing nested lists are
     * completed as the collector completes them.
     */
    public Optional<PullRequests> pullRequests(GitHubClients github, RepoRef repo, Instant mergedSince) {
        JsonNode open = node.path("openPullRequests");
        Optional<String> branch = defaultBranch();
        if (!mergedSince.equals(range.since()) || !settlesPullRequests()) {
            return Optional.empty();
        }
        List<PullRequestsCollector.Draft> drafts = new ArrayList<>();
        open.path("nodes").forEach(pr -> drafts.add(new PullRequestsCollector.Draft(pr)));
        drafts.forEach(draft -> draft.complete(github, repo));
        return Optional.of(new PullRequests(range.since(), range.since(), range.asOf(), branch.get(),
                drafts.stream().map(PullRequestsCollector.Draft::build).toList()));
    }

    /** Issues: every open one is in the batch and none was updated since {@code since}. */
    public Optional<Issues> issues(GitHubClients github, RepoRef repo) {
        JsonNode open = node.path("openIssues");
        if (!settlesIssues()) {
            return Optional.empty();
        }
        List<IssuesCollector.Draft> drafts = new ArrayList<>();
        open.path("nodes").forEach(issue -> drafts.add(new IssuesCollector.Draft(issue)));
        drafts.forEach(draft -> draft.complete(github, repo));
        return Optional.of(new Issues(range.since(), range.asOf(), drafts.stream().map(IssuesCollector.Draft::build).toList()));
    }

    /** Commits over the API: none on the default branch in the commits' range. */
    public Optional<Commits> commits() {
        if (!settlesCommits()) {
            return Optional.empty();
        }
        return Optional.of(new Commits(commitsSince, range.asOf(), Commits.API_SOURCE, Optional.of(CommitsCollector.NO_PATHS),
                List.of()));
    }

    /**
     * Workflow runs: none can have been created in range when nothing was pushed (to any branch), no pull
     * request was updated, and every check suite of the default branch's head commit (where push, schedule
     * and dispatch runs on it go) is older than {@code since}. The latest decided run on the default branch
     * before {@code since} (ci.default_branch_passing) is then the head commit's latest decided one; when
     * the head commit has none, the collector looks further back.
     */
    public Optional<WorkflowRuns> workflowRuns() {
        Optional<String> branch = defaultBranch();
        if (branch.isEmpty()) {
            // An empty repository: no runs, as the collector answers it for no request.
            return Optional.of(new WorkflowRuns(branch, range.since(), range.asOf(), List.of(), Optional.empty()));
        }
        JsonNode suites = head().path("checkSuites");
        if (!before(node.path("pushedAt"), range.since()) || !noPullRequestUpdatedSince()
                || suites.isMissingNode() || suites.path("totalCount").asInt(-1) != suites.path("nodes").size()) {
            return Optional.empty();
        }
        WorkflowRuns.Run anchor = null;
        for (JsonNode suite : suites.path("nodes")) {
            if (!before(suite.path("createdAt"), range.since())) {
                return Optional.empty();
            }
            JsonNode run = suite.path("workflowRun");
            Instant created = GraphQlNodes.instant(run.path("createdAt"));
            if (created == null || !branch.get().equals(suite.path("branch").path("name").textValue())
                    || !created.isBefore(range.since())) {
                continue;
            }
            Instant updated = GraphQlNodes.instant(run.path("updatedAt"));
            WorkflowRuns.Run candidate = new WorkflowRuns.Run(run.path("databaseId").asLong(),
                    run.path("file").path("path").asText(""), branch.get(), run.path("event").asText(""),
                    suite.path("status").asText("").toLowerCase(Locale.ROOT),
                    Optional.ofNullable(suite.path("conclusion").textValue()).map(c -> c.toLowerCase(Locale.ROOT)),
                    created, Optional.empty(), updated == null ? created : updated);
            if (candidate.decided() && (anchor == null || candidate.createdAt().isAfter(anchor.createdAt()))) {
                anchor = candidate;
            }
        }
        if (anchor == null) {
            return Optional.empty();
        }
        return Optional.of(new WorkflowRuns(branch, range.since(), range.asOf(), List.of(), Optional.of(anchor)));
    }
}
