package io.repovitals.collect;

import io.repovitals.model.RepoRef;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Building REST paths and the {@code created} search filter (GitHub's dates are whole seconds). */
final class RestPaths {
    private RestPaths() {}

    static String repo(RepoRef repo) {
        return "repos/" + encode(repo.owner()) + "/" + encode(repo.name());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String second(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code created=from..to}, both ends inclusive, URL-encoded. */
    static String createdBetween(Instant from, Instant to) {
        return "created=" + encode(second(from) + ".." + second(to));
    }

    static Instant instant(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : Instant.parse(node.asText());
    }
}
