package io.repovitals;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Helpers for WireMock stubs that speak GitHub: GraphQL answers by owner/name, REST bodies from the
 * recorded samples in src/test/resources/github/rest-samples.
 */
public final class GitHubFake {
    public static final String TOKEN = "ghs_test0000000000000000000000000000secret";

    private GitHubFake() {}

    /**
     * WireMock options for a fake GitHub: a free port, and GraphQL's pagination limits enforced as
     * GitHub enforces them ({@link GitHubGraphQlRules}), whatever the stubs answer.
     */
    public static com.github.tomakehurst.wiremock.core.WireMockConfiguration options() {
        return com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort()
                .extensions(new GitHubGraphQlRules());
    }

    /** A GraphQL POST on {@code /graphql} for the repository {@code owner/name}. */
    public static MappingBuilder graphql(String owner, String name) {
        return post(urlPathEqualTo("/graphql"))
                .withHeader("Authorization", equalTo("bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.variables.owner", equalTo(owner)))
                .withRequestBody(matchingJsonPath("$.variables.name", equalTo(name)));
    }

    /** A 200 answer with the body of a test resource (e.g. {@code github/graphql/repo-state-busy.json}). */
    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String resource) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(resource(resource));
    }

    /** A recorded GitHub REST body from src/test/resources/github/rest-samples (see its README.md). */
    public static String restSample(String file) {
        return resource("github/rest-samples/" + file);
    }

    public static String resource(String resource) {
        try (var in = GitHubFake.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String baseUrl(WireMockExtension server) {
        return server.baseUrl();
    }

    /**
     * Answers every request of a collection except the repo state (which the test stubs itself) as
     * for a repository with no pull requests, issues, commits, runs or deployments, and a token
     * without push access (traffic refused).
     */
    public static void quietRestOfRepository(WireMockExtension server, String owner, String name) {
        String repo = "/repos/" + owner + "/" + name;
        stubOperation(server, owner, name, "PullRequests", "github/graphql/pull-requests-quiet.json");
        stubOperation(server, owner, name, "Issues", "github/graphql/issues-empty.json");
        stubOperation(server, owner, name, "Commits", "github/graphql/commits-quiet.json");
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*" + repo + "/actions/runs"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"total_count\":0,\"workflow_runs\":[]}")));
        stubOperation(server, owner, name, "Deployments", "github/graphql/deployments-none.json");
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*" + repo + "/traffic/(views|clones)"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Must have push access to repository\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
    }

    /** Answers the GraphQL operation {@code operation} (e.g. {@code Deployments}) for owner/name with a fixture. */
    public static void stubOperation(WireMockExtension server, String owner, String name, String operation, String fixture) {
        server.stubFor(graphqlAnyPath(owner, name)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.query",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("query " + operation + "(")))
                .atPriority(1)
                .willReturn(json(fixture)));
    }

    /** Like {@link #graphql} on any path ending in /graphql (GitHub Enterprise Server serves /api/graphql). */
    private static MappingBuilder graphqlAnyPath(String owner, String name) {
        return post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.owner", equalTo(owner)))
                .withRequestBody(matchingJsonPath("$.variables.name", equalTo(name)));
    }
}
