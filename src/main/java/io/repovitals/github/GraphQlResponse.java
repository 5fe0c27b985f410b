package io.repovitals.github;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/** A GraphQL answer: the {@code data} (possibly partial) and the {@code errors} that came with it. */
public record GraphQlResponse(JsonNode data, List<GraphQlError> errors) {
    public GraphQlResponse {
        errors = List.copyOf(errors);
    }

    public Optional<GraphQlError> firstErrorUnder(String... fields) {
        return errors.stream().filter(error -> error.isUnder(fields)).findFirst();
    }

    /**
     * For partial data: the one-line reason the part under {@code fields} is missing, e.g.
     * "GitHub could not give repository.stargazers (FORBIDDEN: ...)", or empty when no error touched it.
     * Collectors turn it into an absent dataset or {@code missing} entries, never an exception.
     */
    public Optional<String> missingReason(String... fields) {
        return firstErrorUnder(fields).map(error -> "GitHub could not give " + String.join(".", fields) + " ("
                + (error.type().isEmpty() ? "" : error.type() + ": ") + error.message().replace('\n', ' ') + ")");
    }
}
