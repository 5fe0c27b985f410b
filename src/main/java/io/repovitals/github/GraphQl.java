package io.repovitals.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repovitals.model.Secret;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small GitHub GraphQL client over java.net.http and Jackson (github-api has none). Every call
 * is one POST to {@code GITHUB_GRAPHQL_URL}; HTTP failures become {@link GitHubException}s, while
 * GraphQL {@code errors} are returned with the partial data for the caller to judge.
 */
public final class GraphQl {
    private final HttpClient http;
    private final URI endpoint;
    private final Secret token;
    private final Duration timeout;
    private final RequestCounter counter;
    private final ObjectMapper json;
    private final RateLimits limits;

    GraphQl(HttpClient http, URI endpoint, Secret token, Duration timeout, RequestCounter counter, ObjectMapper json,
            RateLimits limits) {
        this.limits = limits;
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
        this.timeout = timeout;
        this.counter = counter;
        this.json = json;
    }

    /**
     * One query. 5xx answers and dropped connections are retried below (in the HTTP client);
     * here rate limits are waited out or turned into {@link GitHubException.Kind#RATE_LIMITED}:
     * 403/429 refusals and a 200 whose only error is of type RATE_LIMITED.
     */
    public GraphQlResponse execute(GraphQlQuery query, Map<String, ?> variables) {
        String body = body(query, variables);
        int limitedAnswers = 0;
        while (true) {
            HttpResponse<String> response = send(body);
            int status = response.statusCode();
            if ((status == 403 || status == 429)
                    && limits.onRefusal(RateLimits.GRAPHQL, status, response.headers(), HttpFailures.githubMessage(response.body()))) {
                continue;
            }
            if (status != 200) {
                throw HttpFailures.toException(status, response.body(), response.headers(), endpoint);
            }
            JsonNode root = parse(response.body());
            JsonNode rateLimit = root.path("data").path("rateLimit");
            counter.addGraphQlCost(rateLimit.path("cost").asInt(0));
            limits.observeGraphQl(rateLimit);
            List<GraphQlError> errors = errors(root.path("errors"));
            if (!errors.isEmpty() && errors.stream().allMatch(error -> error.type().equals("RATE_LIMITED"))) {
                // GitHub answers 200 with errors [{type: RATE_LIMITED}] when the point budget is used up.
                // Counted here: a 200 ends the HTTP client's run of consecutive refusals.
                if (++limitedAnswers > limits.maxRetries()) {
                    throw new GitHubException(GitHubException.Kind.RATE_LIMITED, 200,
                            "GitHub's GraphQL rate limit persisted after " + limits.maxRetries() + " waits");
                }
                limits.onPrimary(RateLimits.GRAPHQL, response.headers().firstValue("X-RateLimit-Reset")
                        .flatMap(GraphQl::parseLong));
                continue;
            }
            limits.succeeded();
            return new GraphQlResponse(root.path("data"), errors);
        }
    }

    private static java.util.Optional<Long> parseLong(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private String body(GraphQlQuery query, Map<String, ?> variables) {
        ObjectNode body = json.createObjectNode();
        body.put("query", query.document());
        body.set("variables", json.valueToTree(variables));
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode GraphQL variables of " + query.name(), e);
        }
    }

    private HttpResponse<String> send(String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", "bearer " + token.reveal())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw HttpFailures.unreachable(endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException(GitHubException.Kind.UNREACHABLE, 0, "interrupted while calling " + endpoint, e);
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IOException("not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new GitHubException(GitHubException.Kind.BAD_RESPONSE, 200,
                    "GitHub's GraphQL endpoint " + endpoint + " sent a response that is not GraphQL JSON");
        }
    }

    private static List<GraphQlError> errors(JsonNode errors) {
        List<GraphQlError> result = new ArrayList<>();
        for (JsonNode error : errors) {
            List<String> path = new ArrayList<>();
            error.path("path").forEach(element -> path.add(element.asText()));
            result.add(new GraphQlError(error.path("type").asText(""), error.path("message").asText(""), path));
        }
        return result;
    }
}
