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
 * repository, more only while a list's oldest item can still matter.
 */
public final class RepoStateCollector {
    static final GraphQlQuery QUERY = GraphQlQuery.load("repo-state");

    private final Clock clock;

    public RepoStateCollector(Clock clock) {
        this.clock = clock;
    }

    public RepoState fetch(GitHubClients github, RepoRef repo, Window window) {
        Instant fetchedAt = clock.instant();
        Instant asOf = window.asOf();
        Instant since = window.start();

        Pager stars = new Pager("withStars", "starsAfter");
        Pager forks = new Pager("withForks", "forksAfter");
        Pager issues = new Pager("withIssues", "issuesAfter");
        Pager pulls = new Pager("withPullRequests", "pullRequestsAfter");
        List<Instant> starTimes = new ArrayList<>();
        Optional<String> starsWithheld = Optional.empty();
        List<Instant> forkTimes = new ArrayList<>();
        List<RepoState.TrackedItem> changedIssues = new ArrayList<>();
        List<RepoState.TrackedItem> changedPulls = new ArrayList<>();
        JsonNode counts = null;

        while (counts == null || stars.more || forks.more || issues.more || pulls.more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("owner", repo.owner());
            variables.put("name", repo.name());
            variables.put("asOf", asOf.toString());
            boolean first = counts == null;
            for (Pager pager : List.of(stars, forks, issues, pulls)) {
                pager.addTo(variables, first);
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
                    stars.stop();
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
                    changedIssues.add(tracked(node, asOf));
                }
                // filterBy.since already cut the list at asOf.
                issues.advance(repository.path("changedIssues").path("pageInfo"), true);
            }
            if (pulls.wanted()) {
                Instant oldestUpdate = null;
                for (JsonNode node : repository.path("changedPullRequests").path("nodes")) {
                    oldestUpdate = Instant.parse(node.path("updatedAt").asText());
                    if (!oldestUpdate.isBefore(asOf)) {
                        changedPulls.add(tracked(node, asOf));
                    }
                }
                pulls.advance(repository.path("changedPullRequests").path("pageInfo"),
                        oldestUpdate != null && !oldestUpdate.isBefore(asOf));
            }
        }

        return new RepoState(
                counts.path("nameWithOwner").asText(repo.fullName()),
                Optional.ofNullable(counts.path("defaultBranchRef").path("name").textValue()),
                fetchedAt, asOf, since,
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

    private static RepoState.TrackedItem tracked(JsonNode node, Instant asOf) {
        Optional<RepoState.StateEvent> firstAfter = Optional.empty();
        for (JsonNode event : node.path("timelineItems").path("nodes")) {
            Instant at = Instant.parse(event.path("createdAt").asText());
            // The timeline's since is inclusive; an event stamped exactly at asOf has already happened.
            if (!at.isAfter(asOf) || firstAfter.isPresent() && !at.isBefore(firstAfter.get().at())) {
                continue;
            }
            RepoState.StateEvent.Kind kind = switch (event.path("__typename").asText()) {
                case "ClosedEvent" -> RepoState.StateEvent.Kind.CLOSED;
                case "ReopenedEvent" -> RepoState.StateEvent.Kind.REOPENED;
                case "MergedEvent" -> RepoState.StateEvent.Kind.MERGED;
                default -> null;
            };
            if (kind != null) {
                firstAfter = Optional.of(new RepoState.StateEvent(kind, at));
            }
        }
        return new RepoState.TrackedItem(Instant.parse(node.path("createdAt").asText()),
                node.path("state").asText().equals("OPEN"), firstAfter);
    }

    /** The paging state of one list of the query. */
    private static final class Pager {
        private final String includeVariable;
        private final String cursorVariable;
        private boolean more = true;
        private boolean inThisRequest;
        private String cursor;

        Pager(String includeVariable, String cursorVariable) {
            this.includeVariable = includeVariable;
            this.cursorVariable = cursorVariable;
        }

        void addTo(Map<String, Object> variables, boolean firstRequest) {
            inThisRequest = firstRequest || more;
            variables.put(includeVariable, inThisRequest);
            variables.put(cursorVariable, inThisRequest ? cursor : null);
        }

        boolean wanted() {
            return inThisRequest;
        }

        void advance(JsonNode pageInfo, boolean olderItemsMayMatter) {
            more = olderItemsMayMatter && pageInfo.path("hasNextPage").asBoolean(false);
            cursor = pageInfo.path("endCursor").asText(null);
        }

        void stop() {
            more = false;
        }
    }
}
