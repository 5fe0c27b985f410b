package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.github.Bots;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.github.GraphQlQuery;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Ticker;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches {@link Commits}: from the clone in the workspace when it holds the default branch's
 * history back to {@code since} (zero requests, file paths included); else over git smart HTTP
 * ({@link FetchedCommits}: the same computation, zero API requests) unless {@code git-fetch-max-mb}
 * is 0; else, or when that fetch fails, from the {@code commits} GraphQL query on the default
 * branch's history (100 a page, committed in {@code [since, asOf]}), which has no per-commit file
 * list: {@code code.files_changed} is then missing with the reason. One REST call per commit would
 * give the paths, but that is unbounded (a busy week is hundreds of calls against a budget of 1,000
 * an hour), so it is never done.
 */
public final class CommitsCollector {
    static final GraphQlQuery QUERY = GraphQlQuery.load("commits");
    static final String NO_PATHS = "GitHub's API lists no changed files per commit (one REST call per commit would be"
            + " needed); check the repository out with full history (actions/checkout, fetch-depth: 0) to measure it";

    private final Optional<Path> workspace;
    private final GitFetch gitFetch;
    private final Ticker ticker;
    private final AtomicLong gitBytes = new AtomicLong();
    private final AtomicLong gitMillis = new AtomicLong();

    /** @param workspace the directory of {@code GITHUB_WORKSPACE}, when there is one; never fetches over git */
    public CommitsCollector(Optional<Path> workspace) {
        // Nothing is timed without fetches, so no ticker is needed.
        this(workspace, GitFetch.NEVER, () -> 0L);
    }

    /**
     * @param gitFetch how to fetch the history when the workspace has no usable clone
     * @param ticker   times the fetches
     */
    public CommitsCollector(Optional<Path> workspace, GitFetch gitFetch, Ticker ticker) {
        this.workspace = workspace;
        this.gitFetch = gitFetch;
        this.ticker = ticker;
    }

    /** True when commits can only come from the API (no workspace, no git fetch): a batch's count of 0 then stands for them. */
    boolean apiOnly() {
        return workspace.isEmpty() && !gitFetch.enabled();
    }

    /** Bytes received over git by this collector's fetches, failed ones included. */
    public long gitBytes() {
        return gitBytes.get();
    }

    /** Milliseconds spent in git fetches. */
    public long gitMillis() {
        return gitMillis.get();
    }

    /**
     * @param defaultBranch the default branch's name when already known (repo state has it); needed to use the
     *                      workspace clone, whose checked-out branch may be another
     * @throws GitHubException on a failure (GraphQL errors with partial data are BAD_RESPONSE, an empty repository
     *                         NOT_FOUND); meant to run inside {@link Datasets#fetch}
     */
    public Commits fetch(GitHubClients github, RepoRef repo, Instant since, Instant asOf, Optional<String> defaultBranch) {
        String source = Commits.API_SOURCE;
        String noPaths = NO_PATHS;
        if (workspace.isPresent() && defaultBranch.isPresent()) {
            try {
                return WorkspaceCommits.read(workspace.get(), repo, defaultBranch.get(), since, asOf);
            } catch (WorkspaceCommits.Unusable e) {
                source = Commits.API_SOURCE + "; the workspace was not used: " + e.getMessage();
            }
        }
        if (gitFetch.enabled() && defaultBranch.isPresent()) {
            try {
                FetchedCommits.Fetched fetched = FetchedCommits.fetch(gitFetch, repo, defaultBranch.get(), since, asOf, ticker);
                count(fetched.transfer());
                return fetched.commits();
            } catch (FetchedCommits.Failed e) {
                count(e.transfer);
                String why = "the history could not be fetched over git (" + e.reason.name().toLowerCase(Locale.ROOT)
                        + ": " + e.getMessage() + ")";
                source = source + "; " + why;
                noPaths = "GitHub's API lists no changed files per commit, and " + why;
            }
        }
        String from = source;
        String reason = noPaths;
        return GraphQlNodes.readable("commits of " + repo, () -> fetchFromApi(github, repo, since, asOf, from, reason));
    }

    private void count(FetchedCommits.Transfer transfer) {
        gitBytes.addAndGet(transfer.bytes());
        gitMillis.addAndGet(transfer.took().toMillis());
    }

    public Commits fetch(GitHubClients github, RepoRef repo, Instant since, Instant asOf) {
        return fetch(github, repo, since, asOf, Optional.empty());
    }

    private static Commits fetchFromApi(GitHubClients github, RepoRef repo, Instant since, Instant asOf, String source,
                                        String noPaths) {
        List<Commits.Commit> commits = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("owner", repo.owner());
            variables.put("name", repo.name());
            variables.put("since", since.toString());
            variables.put("until", asOf.toString());
            variables.put("after", after);
            JsonNode repository = GraphQlNodes.repository(github.graphql().execute(QUERY, variables), "commits of " + repo);
            JsonNode branch = repository.path("defaultBranchRef");
            if (branch.isNull() || branch.isMissingNode()) {
                throw GraphQlNodes.emptyRepository("commits");
            }
            JsonNode history = branch.path("target").path("history");
            if (history.isMissingNode()) {
                throw new GitHubException(GitHubException.Kind.NOT_FOUND, 200, "the default branch does not point at a commit");
            }
            for (JsonNode node : history.path("nodes")) {
                Instant committed = Instant.parse(node.path("committedDate").asText());
                // GitHub's since/until are inclusive; the range is [since, asOf].
                if (!committed.isBefore(since) && !committed.isAfter(asOf)) {
                    commits.add(commit(node, committed));
                }
            }
            more = history.path("pageInfo").path("hasNextPage").asBoolean(false);
            after = history.path("pageInfo").path("endCursor").textValue();
        }
        return new Commits(since, asOf, source, Optional.of(noPaths), commits);
    }

    private static Commits.Commit commit(JsonNode node, Instant committed) {
        JsonNode author = node.path("author");
        String login = author.path("user").path("login").textValue();
        String email = author.path("email").asText("").toLowerCase(Locale.ROOT);
        String name = author.path("name").asText("");
        String message = node.path("message").asText("");
        return new Commits.Commit(node.path("oid").asText(), committed, login, email,
                isBot(login, name, email), node.path("parents").path("totalCount").asInt(),
                node.path("messageHeadline").asText(""), message.contains(REVERT_MARKER),
                node.path("additions").asInt(), node.path("deletions").asInt(), Optional.empty());
    }

    static final String REVERT_MARKER = "This reverts commit";

    /** The bot rule on a commit: its linked login, or when unlinked the git author's name or e-mail ({@code x[bot]@...}). */
    static boolean isBot(String login, String name, String email) {
        if (login != null) {
            return Bots.isBot(null, login);
        }
        return Bots.isBot(null, name) || email.contains("[bot]@");
    }
}
