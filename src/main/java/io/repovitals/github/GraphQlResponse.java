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
}
