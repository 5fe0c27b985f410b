package io.repovitals.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.repovitals.github.Bots;
import io.repovitals.github.GitHubException;
import io.repovitals.github.GraphQlError;
import io.repovitals.github.GraphQlResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Reading the GraphQL answers of the activity collectors: authors, times, errors. */
final class GraphQlNodes {
    private GraphQlNodes() {}

    /**
     * {@code author: null} is a ghost (a deleted account), which is not a bot; so is GitHub's stand-in
     * account {@code ghost}, which some answers name instead.
     */
    static Account account(JsonNode author) {
        String login = author.path("login").textValue();
        if (author.isNull() || author.isMissingNode() || login == null || login.isBlank() || login.equalsIgnoreCase("ghost")) {
            return Account.GHOST;
        }
        return new Account(login, Bots.isBot(author.path("__typename").textValue(), login));
    }

    static Instant instant(JsonNode node) {
        String text = node.textValue();
        return text == null ? null : Instant.parse(text);
    }

    static List<Comment> comments(JsonNode connection) {
        List<Comment> comments = new ArrayList<>();
        for (JsonNode node : connection.path("nodes")) {
            comments.add(new Comment(account(node.path("author")), Instant.parse(node.path("createdAt").asText())));
        }
        return comments;
    }

    /**
     * The repository object. GraphQL {@code errors} with partial data become a BAD_RESPONSE failure
     * (transient: the snapshot is partial): the data may miss items anywhere, so the whole dataset goes
     * absent with GitHub's message rather than be silently short.
     */
    static JsonNode repository(GraphQlResponse response, String what) {
        failOnErrors(response, what);
        JsonNode repository = response.data().path("repository");
        if (repository.isMissingNode() || repository.isNull()) {
            throw new GitHubException(GitHubException.Kind.BAD_RESPONSE, 200, "GitHub's GraphQL answer for " + what + " has no repository");
        }
        return repository;
    }

    static void failOnErrors(GraphQlResponse response, String what) {
        if (!response.errors().isEmpty()) {
            GraphQlError first = response.errors().get(0);
            String type = first.type().isEmpty() ? "" : first.type() + ": ";
            throw new GitHubException(GitHubException.Kind.BAD_RESPONSE, 200,
                    "GitHub's GraphQL API answered " + what + " with an error (" + type + first.message() + ")");
        }
    }

    /**
     * Runs the reading of an answer, turning data that does not fit (an unknown enum value, a missing
     * time) into a BAD_RESPONSE failure for this dataset instead of a crash of the run.
     */
    static <T> T readable(String what, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new GitHubException(GitHubException.Kind.BAD_RESPONSE, 200,
                    "GitHub's GraphQL answer for " + what + " could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** An empty repository has no default branch, hence no commits or pull requests: absent, not 0 (a lasting answer). */
    static GitHubException emptyRepository(String what) {
        return new GitHubException(GitHubException.Kind.NOT_FOUND, 200, "the repository is empty (no default branch), so it has no " + what);
    }

    /** Where a nested list stands: whether it has more than the page that came with its item, and from where. */
    record Overflow(boolean more, String cursor) {
        static Overflow of(JsonNode connection) {
            JsonNode pageInfo = connection.path("pageInfo");
            return new Overflow(pageInfo.path("hasNextPage").asBoolean(false), pageInfo.path("endCursor").textValue());
        }

        void addTo(Map<String, Object> variables, String include, String after) {
            variables.put(include, more);
            variables.put(after, more ? cursor : null);
        }
    }
}
