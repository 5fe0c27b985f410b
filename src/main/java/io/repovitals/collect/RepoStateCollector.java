package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.github.GraphQlError;
import io.repovitals.github.GraphQlQuery;
import io.repovitals.github.GraphQlResponse;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Window;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches {@link RepoState} with the {@code repo-state} GraphQL query: one request for a quiet
 * repository, more only while a list's oldest item can still matter, and one more per item whose
 * open/close events overflow the first page (rare).
 */
public final class RepoStateCollector {
    static final GraphQlQuery QUERY = GraphQlQuery.load("repo-state");
    static final GraphQlQuery EVENTS = GraphQlQuery.load("repo-state-events");

    private final Clock clock;

    public RepoStateCollector(Clock clock) {
        this.clock = clock;
    }

    /** The state for one window: changes since its start. */
    public RepoState fetch(GitHubClients github, RepoRef repo, Window window) {
        return fetch(github, repo, window.start(), window.asOf());
    }

    /** The state at every instant of {@code [since, asOf]}: the counts now and every change since {@code since}. */
    public RepoState fetch(GitHubClients github, RepoRef repo, Instant since, Instant asOf) {
        Instant fetchedAt = clock.instant();

        ListPager stars = new ListPager("withStars", "starsAfter");
        ListPager forks = new ListPager("withForks", "forksAfter");
        ListPager issues = new ListPager("withIssues", "issuesAfter");
        ListPager pulls = new ListPager("withPullRequests", "pullRequestsAfter");
        List<Instant> starTimes = new ArrayList<>();
        Optional<String> starsWithheld = Optional.empty();
        List<Instant> forkTimes = new ArrayList<>();
        List<RepoState.TrackedItem> changedIssues = new ArrayList<>();
        List<RepoState.TrackedItem> changedPulls = new ArrayList<>();
        JsonNode counts = null;

        while (counts == null || stars.more() || forks.more() || issues.more() || pulls.more()) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("owner", repo.owner());
            variables.put("name", repo.name());
            variables.put("since", since.toString());
            boolean first = counts == null;
            for (ListPager pager : List.of(stars, forks, issues, pulls)) {
                pager.addTo(variables);
            }
            GraphQlResponse response = github.graphql().execute(QUERY, variables);
            JsonNode repository = repository(response, repo);
            if (first) {
                counts = repository;
            }

            if (stars.wanted()) {
                Optional<GraphQlError> refused = response.firstErrorUnder("repository", "stargazers");
                JsonNode edges = repository.path("stargazers").path("edges");
                if (refused.isPresent() || hasNull(edges)) {
                    // GitHub shows star times only to admins and collaborators since 2026.
                    starsWithheld = Optional.of("GitHub withholds star times from this token"
                            + refused.map(error -> " (" + error.message() + ")").orElse(""));
                    stars.advance(repository.path("stargazers").path("pageInfo"), false);
                } else {
                    Instant oldest = null;
                    for (JsonNode edge : edges) {
                        oldest = Instant.parse(edge.path("starredAt").asText());
                        starTimes.add(oldest);
                    }
                    stars.advance(repository.path("stargazers").path("pageInfo"), oldest != null && !oldest.isBefore(since));
                }
            }
            if (forks.wanted()) {
                Instant oldest = null;
                for (JsonNode node : repository.path("forks").path("nodes")) {
                    oldest = Instant.parse(node.path("createdAt").asText());
                    forkTimes.add(oldest);
                }
                forks.advance(repository.path("forks").path("pageInfo"), oldest != null && !oldest.isBefore(since));
            }
            if (issues.wanted()) {
                for (JsonNode node : repository.path("changedIssues").path("nodes")) {
                    changedIssues.add(tracked(github, node, since));
                }
                // filterBy.since already cut the list at since.
                issues.advance(repository.path("changedIssues").path("pageInfo"), true);
            }
            if (pulls.wanted()) {
                Instant oldestUpdate = null;
                for (JsonNode node : repository.path("changedPullRequests").path("nodes")) {
                    oldestUpdate = Instant.parse(node.path("updatedAt").asText());
                    if (!oldestUpdate.isBefore(since)) {
                        changedPulls.add(tracked(github, node, since));
                    }
                }
                pulls.advance(repository.path("changedPullRequests").path("pageInfo"),
                        oldestUpdate != null && !oldestUpdate.isBefore(since));
            }
        }

        return new RepoState(
                counts.path("nameWithOwner").asText(repo.fullName()),
                Optional.ofNullable(counts.path("defaultBranchRef").path("name").textValue()),
                fetchedAt, since, asOf,
                counts.path("stargazerCount").asLong(),
                counts.path("forkCount").asLong(),
                counts.path("watchers").path("totalCount").asLong(),
                counts.path("openIssues").path("totalCount").asLong(),
                counts.path("openPullRequests").path("totalCount").asLong(),
                counts.path("branches").path("totalCount").asLong(),
                starsWithheld.isPresent() ? Optional.empty() : Optional.of(starTimes),
                starsWithheld,
                forkTimes, changedIssues, changedPulls);
    }

    private static JsonNode repository(GraphQlResponse response, RepoRef repo) {
        JsonNode repository = response.data().path("repository");
        if (repository.isMissingNode() || repository.isNull()) {
            Optional<GraphQlError> error = response.firstErrorUnder("repository");
            if (error.isPresent() && error.get().type().equals("NOT_FOUND")) {
                throw new GitHubException(GitHubException.Kind.NOT_FOUND, 200,
                        "repository " + repo + " not found, or not visible to this token");
            }
            String why = response.errors().isEmpty() ? "no repository in the answer"
                    : response.errors().get(0).message();
            throw new GitHubException(GitHubException.Kind.BAD_RESPONSE, 200,
                    "GitHub could not read repository " + repo + ": " + why);
        }
        return repository;
    }

    private static boolean hasNull(JsonNode edges) {
        for (JsonNode edge : edges) {
            if (edge.isNull() || edge.path("starredAt").isNull() || edge.path("starredAt").isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    private static RepoState.TrackedItem tracked(GitHubClients github, JsonNode node, Instant since) {
        List<RepoState.StateEvent> events = new ArrayList<>();
        JsonNode timeline = node.path("timelineItems");
        addEvents(timeline.path("nodes"), events);
        while (timeline.path("pageInfo").path("hasNextPage").asBoolean(false)) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", node.path("id").asText());
            variables.put("since", since.toString());
            variables.put("after", timeline.path("pageInfo").path("endCursor").asText());
            timeline = github.graphql().execute(EVENTS, variables).data().path("node").path("timelineItems");
            addEvents(timeline.path("nodes"), events);
        }
        return new RepoState.TrackedItem(Instant.parse(node.path("createdAt").asText()),
                node.path("state").asText().equals("OPEN"), events);
    }

    private static void addEvents(JsonNode nodes, List<RepoState.StateEvent> events) {
        for (JsonNode event : nodes) {
            RepoState.StateEvent.Kind kind = switch (event.path("__typename").asText()) {
                case "ClosedEvent" -> RepoState.StateEvent.Kind.CLOSED;
                case "ReopenedEvent" -> RepoState.StateEvent.Kind.REOPENED;
                case "MergedEvent" -> RepoState.StateEvent.Kind.MERGED;
                default -> null;
            };
            if (kind != null) {
                events.add(new RepoState.StateEvent(kind, Instant.parse(event.path("createdAt").asText())));
            }
        }
    }
}
