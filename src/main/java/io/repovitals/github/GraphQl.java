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

    GraphQl(HttpClient http, URI endpoint, Secret token, Duration timeout, RequestCounter counter, ObjectMapper json) {
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
        this.timeout = timeout;
        this.counter = counter;
        this.json = json;
    }

    public GraphQlResponse execute(GraphQlQuery query, Map<String, ?> variables) {
        HttpResponse<String> response = send(body(query, variables));
        int status = response.statusCode();
        if (status != 200) {
            throw HttpFailures.toException(status, response.body(), response.headers(), endpoint);
        }
        JsonNode root = parse(response.body());
        counter.addGraphQlCost(root.path("data").path("rateLimit").path("cost").asInt(0));
        return new GraphQlResponse(root.path("data"), errors(root.path("errors")));
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
