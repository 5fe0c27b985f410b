package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.collect.GraphQlNodes.Overflow;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.github.GraphQlQuery;
import io.repovitals.github.GraphQlResponse;
import io.repovitals.model.RepoRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches {@link PullRequests} for {@code [since, asOf]} in one pass with the {@code pull-requests}
 * query: all open PRs plus the closed/merged ones updated at or after {@code since}, newest update
 * first, stopping at the first page whose oldest update is before {@code since}. Given an earlier
 * {@code mergedSince} (the last deployment before {@code since}, for dora.lead_time_hours.p50), the
 * closed/merged list goes on to the first page whose oldest update is before it (a merge updates a PR, so
 * none merged since then is older) and keeps, of those updated before {@code since}, the ones merged since
 * then. A PR whose reviews, comments or commits overflow the page's sizes is completed with
 * {@code pull-request-more}.
 */
public final class PullRequestsCollector {
    static final GraphQlQuery QUERY = GraphQlQuery.load("pull-requests");
    static final GraphQlQuery MORE = GraphQlQuery.load("pull-request-more");

    /**
     * @throws GitHubException on a failure (GraphQL errors with partial data are BAD_RESPONSE); meant to run
     *                         inside {@link Datasets#fetch}, which turns it into the dataset's absence
     */
    public PullRequests fetch(GitHubClients github, RepoRef repo, Instant since, Instant asOf) {
        return fetch(github, repo, since, since, asOf);
    }

    /**
     * @param mergedSince at or before {@code since}: PRs merged at or after it are fetched too
     * @throws GitHubException as {@link #fetch(GitHubClients, RepoRef, Instant, Instant)}
     */
    public PullRequests fetch(GitHubClients github, RepoRef repo, Instant since, Instant mergedSince, Instant asOf) {
        Instant from = mergedSince.isBefore(since) ? mergedSince : since;
        return GraphQlNodes.readable("pull requests of " + repo, () -> fetchAll(github, repo, since, from, asOf));
    }

    private PullRequests fetchAll(GitHubClients github, RepoRef repo, Instant since, Instant mergedSince, Instant asOf) {
        ListPager open = new ListPager("withOpen", "openAfter");
        ListPager done = new ListPager("withDone", "doneAfter");
        Map<Integer, Draft> drafts = new LinkedHashMap<>();
        String defaultBranch = null;
        boolean first = true;
        while (open.more() || done.more()) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("owner", repo.owner());
            variables.put("name", repo.name());
            open.addTo(variables);
            done.addTo(variables);
            JsonNode repository = GraphQlNodes.repository(github.graphql().execute(QUERY, variables), "pull requests of " + repo);
            if (first) {
                defaultBranch = repository.path("defaultBranchRef").path("name").textValue();
                if (defaultBranch == null) {
                    throw GraphQlNodes.emptyRepository("pull requests");
                }
                first = false;
            }
            if (open.wanted()) {
                for (JsonNode node : repository.path("open").path("nodes")) {
                    drafts.putIfAbsent(node.path("number").asInt(), new Draft(node));
                }
                open.advance(repository.path("open").path("pageInfo"), true);
            }
            if (done.wanted()) {
                Instant oldest = null;
                for (JsonNode node : repository.path("done").path("nodes")) {
                    Draft draft = new Draft(node);
                    oldest = draft.updatedAt;
                    if (!draft.updatedAt.isBefore(since) || draft.mergedSince(mergedSince)) {
                        drafts.putIfAbsent(draft.number, draft);
                    }
                }
                done.advance(repository.path("done").path("pageInfo"), oldest != null && !oldest.isBefore(mergedSince));
            }
        }
        for (Draft draft : drafts.values()) {
            draft.complete(github, repo);
        }
        return new PullRequests(since, mergedSince, asOf, defaultBranch, drafts.values().stream().map(Draft::build).toList());
    }

    /** A PR as read from its page, completed by follow-up queries when a nested list overflowed. */
    static final class Draft {
        private final JsonNode node;
        private final int number;
        private final Instant updatedAt;
        private final List<PullRequests.Review> reviews = new ArrayList<>();
        private final List<Comment> comments = new ArrayList<>();
        private final List<Instant> commitDates = new ArrayList<>();
        private Overflow moreReviews;
        private Overflow moreComments;
        private Overflow moreCommits;

        Draft(JsonNode node) {
            this.node = node;
            this.number = node.path("number").asInt();
            this.updatedAt = Instant.parse(node.path("updatedAt").asText());
            read(node);
        }

        boolean mergedSince(Instant from) {
            Instant merged = GraphQlNodes.instant(node.path("mergedAt"));
            return merged != null && !merged.isBefore(from);
        }

        private void read(JsonNode holder) {
            if (holder.has("reviews")) {
                for (JsonNode review : holder.path("reviews").path("nodes")) {
                    reviews.add(new PullRequests.Review(GraphQlNodes.account(review.path("author")),
                            PullRequests.Review.State.valueOf(review.path("state").asText()),
                            GraphQlNodes.instant(review.path("submittedAt"))));
                }
                moreReviews = Overflow.of(holder.path("reviews"));
            }
            if (holder.has("comments")) {
                comments.addAll(GraphQlNodes.comments(holder.path("comments")));
                moreComments = Overflow.of(holder.path("comments"));
            }
            if (holder.has("commits")) {
                for (JsonNode commit : holder.path("commits").path("nodes")) {
                    commitDates.add(Instant.parse(commit.path("commit").path("committedDate").asText()));
                }
                moreCommits = Overflow.of(holder.path("commits"));
            }
        }

        void complete(GitHubClients github, RepoRef repo) {
            while (moreReviews.more() || moreComments.more() || moreCommits.more()) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("id", node.path("id").asText());
                moreReviews.addTo(variables, "withReviews", "reviewsAfter");
                moreComments.addTo(variables, "withComments", "commentsAfter");
                moreCommits.addTo(variables, "withCommits", "commitsAfter");
                GraphQlResponse response = github.graphql().execute(MORE, variables);
                GraphQlNodes.failOnErrors(response, "pull request #" + number + " of " + repo);
                // A list left out of this request (@include false) is absent from the answer and keeps its state.
                read(response.data().path("node"));
            }
        }

        PullRequests.PullRequest build() {
            Instant createdAt = Instant.parse(node.path("createdAt").asText());
            boolean draftNow = node.path("isDraft").asBoolean();
            JsonNode change = node.path("timelineItems").path("nodes").path(0);
            String firstChange = change.path("__typename").asText("");
            boolean openedAsDraft;
            Instant readyAt;
            if (firstChange.equals("ReadyForReviewEvent")) {
                openedAsDraft = true;
                readyAt = Instant.parse(change.path("createdAt").asText());
            } else if (firstChange.equals("ConvertToDraftEvent")) {
                openedAsDraft = false;
                readyAt = createdAt;
            } else {
                openedAsDraft = draftNow;
                readyAt = draftNow ? null : createdAt;
            }
            Instant oldestCommit = commitDates.stream().min(Instant::compareTo).orElse(null);
            return new PullRequests.PullRequest(number, node.path("title").asText(""),
                    GraphQlNodes.account(node.path("author")), createdAt, updatedAt, draftNow, openedAsDraft, readyAt,
                    GraphQlNodes.instant(node.path("mergedAt")), GraphQlNodes.instant(node.path("closedAt")),
                    node.path("baseRefName").asText(""), node.path("additions").asInt(), node.path("deletions").asInt(),
                    reviews, comments, oldestCommit);
        }
    }
}
