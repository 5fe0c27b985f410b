package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.github.GraphQlError;
import io.repovitals.github.GraphQlQuery;
import io.repovitals.github.GraphQlResponse;
import io.repovitals.model.RepoRef;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Organisation mode (issue 16): the {@code repository-batch} GraphQL query for {@link #SIZE} repositories
 * a request, one alias each, read into a {@link BatchedRepository} per repository. A repository the
 * answer does not cover cleanly (GraphQL errors under its alias, or a failed request) gets none, and the
 * per-repository path collects it, reporting the failure as it always did.
 */
public final class RepositoryBatch {
    /**
     * Repositories a request: about 2,000 nodes each at worst (GraphQlQueriesTest), so 50 stay far below
     * GitHub's 500,000-node limit, at about 37 points of cost a request (73 connection pages each).
     */
    public static final int SIZE = 50;
    private static final GraphQlQuery TEMPLATE = GraphQlQuery.load("repository-batch");
    private static final Pattern REPOSITORY_ZERO = Pattern.compile("(\\$owner|\\$name|\\br)0\\b");

    private final Clock clock;

    public RepositoryBatch(Clock clock) {
        this.clock = clock;
    }

    /**
     * The batch's document for {@code count} repositories: the lines naming repository 0 (its variables
     * and its alias) repeated for 0 to count - 1.
     */
    public static GraphQlQuery query(int count) {
        if (count < 1 || count > SIZE) {
            throw new IllegalArgumentException("a batch holds 1 to " + SIZE + " repositories, not " + count);
        }
        StringBuilder document = new StringBuilder();
        for (String line : TEMPLATE.document().split("\n", -1)) {
            if (REPOSITORY_ZERO.matcher(line).find()) {
                for (int i = 0; i < count; i++) {
                    document.append(REPOSITORY_ZERO.matcher(line).replaceAll("$1" + i)).append('\n');
                }
            } else {
                document.append(line).append('\n');
            }
        }
        return new GraphQlQuery(TEMPLATE.name() + "-" + count, document.toString());
    }

    private static boolean under(GraphQlError error, String alias, String field) {
        return !error.path().isEmpty() && error.path().get(0).equals(alias)
                && (field == null || (error.path().size() > 1 && error.path().get(1).equals(field)));
    }

    /** What a run of batches learned: each answered repository, and the first rate-limit reading. */
    public record Answer(Map<RepoRef, BatchedRepository> repositories, int requests, OptionalLong remaining,
                         Optional<Instant> resetAt, List<String> failures) {}

    /**
     * @param range       the run's range (the bus factor's 90 days before its first window's asOf included)
     * @param environment the deployments' environment ({@code dora-environment})
     */
    public Answer fetch(GitHubClients github, List<RepoRef> repositories, CollectionRange range, String environment) {
        Map<RepoRef, BatchedRepository> answered = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        OptionalLong remaining = OptionalLong.empty();
        Optional<Instant> resetAt = Optional.empty();
        int requests = 0;
        Instant commitsSince = ActivityDatasets.commitsSince(range);
        for (int from = 0; from < repositories.size(); from += SIZE) {
            List<RepoRef> chunk = repositories.subList(from, Math.min(from + SIZE, repositories.size()));
            Map<String, Object> variables = new HashMap<>();
            variables.put("since", range.since().toString());
            variables.put("commitsSince", commitsSince.toString());
            variables.put("until", range.asOf().toString());
            variables.put("environment", environment);
            for (int i = 0; i < chunk.size(); i++) {
                variables.put("owner" + i, chunk.get(i).owner());
                variables.put("name" + i, chunk.get(i).name());
            }
            GraphQlResponse response;
            try {
                requests++;
                response = github.graphql().execute(query(chunk.size()), variables);
            } catch (GitHubException e) {
                if (e.kind() == GitHubException.Kind.BAD_CREDENTIALS) {
                    throw e;
                }
                failures.add("repositories " + chunk.get(0) + " to " + chunk.get(chunk.size() - 1)
                        + " are collected one by one: the batch failed (" + e.getMessage() + ")");
                continue;
            }
            Instant fetchedAt = clock.instant();
            JsonNode rateLimit = response.data().path("rateLimit");
            if (remaining.isEmpty() && rateLimit.hasNonNull("remaining")) {
                remaining = OptionalLong.of(rateLimit.path("remaining").asLong());
                resetAt = Optional.ofNullable(GraphQlNodes.instant(rateLimit.path("resetAt")));
            }
            if (response.errors().stream().anyMatch(e -> e.path().isEmpty())) {
                // An error that names no repository may concern any of them: each is collected on its own.
                failures.add("repositories " + chunk.get(0) + " to " + chunk.get(chunk.size() - 1)
                        + " are collected one by one: the batch was answered with an error (" + response.errors().get(0).message() + ")");
                continue;
            }
            for (int i = 0; i < chunk.size(); i++) {
                String alias = "r" + i;
                JsonNode node = response.data().path(alias);
                // Star times are withheld from tokens without push access: the repo state collector says so, the rest stands.
                boolean starsRefused = response.errors().stream().anyMatch(e -> under(e, alias, "latestStar"));
                boolean otherError = response.errors().stream().anyMatch(e -> under(e, alias, null) && !under(e, alias, "latestStar"));
                if (otherError || node.isNull() || node.isMissingNode()) {
                    // The per-repository path asks again and reports what is wrong (renamed, gone, refused).
                    continue;
                }
                answered.put(chunk.get(i), new BatchedRepository(node, fetchedAt, range, commitsSince, starsRefused));
            }
        }
        return new Answer(answered, requests, remaining, resetAt, failures);
    }
}
