package io.repovitals;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Objects;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Helpers for WireMock stubs that speak GitHub: GraphQL answers by owner/name, REST bodies from shared samples. */
public final class GitHubFake {
    public static final String TOKEN = "ghs_test0000000000000000000000000000secret";

    private GitHubFake() {}

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

    /** A recorded GitHub REST body from shared/github/rest-samples. */
    public static String restSample(String file) {
        try {
            return Files.readString(SharedSpec.path("github/rest-samples/" + file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
