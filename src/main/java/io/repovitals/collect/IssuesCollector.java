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
 * Fetches {@link Issues} for {@code [since, asOf]} in one pass with the {@code issues} query: every
 * open issue plus the closed ones updated at or after {@code since} (GitHub's {@code filterBy.since}
 * ends that list). An issue whose comments or labels overflow is completed with {@code issue-more}.
 */
public final class IssuesCollector {
    static final GraphQlQuery QUERY = GraphQlQuery.load("issues");
    static final GraphQlQuery MORE = GraphQlQuery.load("issue-more");

    /**
     * @throws GitHubException on a failure (GraphQL errors with partial data are BAD_RESPONSE); meant to run
     *                         inside {@link Datasets#fetch}, which turns it into the dataset's absence
     */
    public Issues fetch(GitHubClients github, RepoRef repo, Instant since, Instant asOf) {
        return GraphQlNodes.readable("issues of " + repo, () -> fetchAll(github, repo, since, asOf));
    }

    private Issues fetchAll(GitHubClients github, RepoRef repo, Instant since, Instant asOf) {
        ListPager open = new ListPager("withOpen", "openAfter");
        ListPager closed = new ListPager("withClosed", "closedAfter");
        Map<Integer, Draft> drafts = new LinkedHashMap<>();
        while (open.more() || closed.more()) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("owner", repo.owner());
            variables.put("name", repo.name());
            variables.put("since", since.toString());
            open.addTo(variables);
            closed.addTo(variables);
            JsonNode repository = GraphQlNodes.repository(github.graphql().execute(QUERY, variables), "issues of " + repo);
            for (ListPager pager : List.of(open, closed)) {
                if (pager.wanted()) {
                    JsonNode list = repository.path(pager == open ? "open" : "closed");
                    for (JsonNode node : list.path("nodes")) {
                        drafts.putIfAbsent(node.path("number").asInt(), new Draft(node));
                    }
                    // Both lists end by themselves: all open issues, closed ones filtered by since.
                    pager.advance(list.path("pageInfo"), true);
                }
            }
        }
        for (Draft draft : drafts.values()) {
            draft.complete(github, repo);
        }
        return new Issues(since, asOf, drafts.values().stream().map(Draft::build).toList());
    }

    static final class Draft {
        private final JsonNode node;
        private final int number;
        private final List<Comment> comments = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private Overflow moreComments;
        private Overflow moreLabels;

        Draft(JsonNode node) {
            this.node = node;
            this.number = node.path("number").asInt();
            read(node);
        }

        private void read(JsonNode holder) {
            if (holder.has("comments")) {
                comments.addAll(GraphQlNodes.comments(holder.path("comments")));
                moreComments = Overflow.of(holder.path("comments"));
            }
            if (holder.has("labels")) {
                holder.path("labels").path("nodes").forEach(label -> labels.add(label.path("name").asText()));
                moreLabels = Overflow.of(holder.path("labels"));
            }
        }

        void complete(GitHubClients github, RepoRef repo) {
            while (moreComments.more() || moreLabels.more()) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("id", node.path("id").asText());
                moreComments.addTo(variables, "withComments", "commentsAfter");
                moreLabels.addTo(variables, "withLabels", "labelsAfter");
                GraphQlResponse response = github.graphql().execute(MORE, variables);
                GraphQlNodes.failOnErrors(response, "issue #" + number + " of " + repo);
                // A list left out of this request (@include false) is absent from the answer and keeps its state.
                read(response.data().path("node"));
            }
        }

        Issues.Issue build() {
            boolean openNow = node.path("state").asText().equals("OPEN");
            return new Issues.Issue(number, GraphQlNodes.account(node.path("author")),
                    Instant.parse(node.path("createdAt").asText()),
                    // A reopened issue keeps its old closedAt on GitHub; open now means not closed now.
                    openNow ? null : GraphQlNodes.instant(node.path("closedAt")),
                    Instant.parse(node.path("updatedAt").asText()), labels, comments);
        }
    }
}
