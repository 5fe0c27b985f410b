package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.github.GraphQlQuery;
import io.repovitals.github.GraphQlResponse;
import io.repovitals.model.RepoRef;

import java.util.Map;
import java.util.Objects;

/**
 * One pull request for the {@code pr-comment} (contract.md "Publishing"), fetched with the
 * {@code pull-request-one} query: one request, plus one {@code pull-request-more} request per 100
 * reviews, comments or commits beyond the first 40 of each. It is read by {@link PullRequestsCollector}'s
 * own reading (same fragment, same record), so reviews, drafts and readyAt follow the prs.* rules exactly.
 */
public final class PullRequestOne {
    static final GraphQlQuery QUERY = GraphQlQuery.load("pull-request-one");

    /**
     * @param pullRequest  the PR as the collector reads it
     * @param changedFiles files changed, which the collector's record does not carry
     */
    public record Fetched(PullRequests.PullRequest pullRequest, int changedFiles) {
        public Fetched {
            Objects.requireNonNull(pullRequest, "pullRequest");
        }
    }

    /**
     * @throws GitHubException NOT_FOUND when the repository or the pull request does not exist (or the token
     *                         cannot see it); BAD_RESPONSE for any other GraphQL error or an unreadable answer
     */
    public Fetched fetch(GitHubClients github, RepoRef repo, int number) {
        String what = "pull request #" + number + " of " + repo;
        return GraphQlNodes.readable(what, () -> {
            GraphQlResponse response = github.graphql().execute(QUERY,
                    Map.of("owner", repo.owner(), "name", repo.name(), "number", number));
            response.errors().stream().filter(error -> error.type().equals("NOT_FOUND")).findFirst().ifPresent(error -> {
                throw new GitHubException(GitHubException.Kind.NOT_FOUND, 200,
                        what + " was not found (GitHub: " + error.message().replace('\n', ' ') + ")");
            });
            JsonNode node = GraphQlNodes.repository(response, what).path("pullRequest");
            if (!node.isObject()) {
                throw new GitHubException(GitHubException.Kind.NOT_FOUND, 200, what + " was not found");
            }
            PullRequestsCollector.Draft draft = new PullRequestsCollector.Draft(node);
            draft.complete(github, repo);
            return new Fetched(draft.build(), node.path("changedFiles").asInt());
        });
    }
}
