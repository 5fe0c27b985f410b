package io.repovitals.github;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.GitHubFake;
import io.repovitals.TestClients;
import io.repovitals.model.Secret;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The tests' fake GitHub answers an out-of-range first/last as GitHub does, and lets every real query through. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GitHubGraphQlRulesTest {
    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private GraphQlResponse send(GraphQlQuery query, Map<String, ?> variables) {
        github.stubFor(post(urlPathEqualTo("/graphql")).willReturn(okJson("{\"data\":{\"answeredBy\":\"stub\"}}")));
        return TestClients.create(URI.create(github.baseUrl()), URI.create(github.baseUrl() + "/graphql"),
                Secret.of(GitHubFake.TOKEN)).graphql().execute(query, variables);
    }

    @Test
    void should_refuse_the_old_commits_query_with_parents_first_0_as_invalid_pagination() {
        GraphQlQuery commits = GraphQlQuery.load("commits");
        GraphQlQuery old = new GraphQlQuery("commits", commits.document().replace("parents(first: 1)", "parents(first: 0)"));
        assertThat(old.document()).isNotEqualTo(commits.document());

        GraphQlResponse response = send(old, Map.of("owner", "o", "name", "r", "since", "2026-11-13T00:00:00Z",
                "until", "2026-11-20T00:00:00Z"));

        assertThat(response.data().isMissingNode()).as("no data: the stub never answered").isTrue();
        assertThat(response.errors()).singleElement().satisfies(error -> {
            assertThat(error.type()).isEqualTo("INVALID_PAGINATION");
            assertThat(error.path()).containsExactly("query Commits", "repository", "defaultBranchRef", "target",
                    "history", "nodes", "parents");
            assertThat(error.message()).contains("`parents`").contains("1 and 100");
        });
    }

    @Test
    void should_refuse_a_first_from_a_variable_or_its_default_and_a_last_over_100() {
        GraphQlQuery fromVariable = new GraphQlQuery("t",
                "query T($n: Int, $m: Int = 0) { repository(owner: \"o\", name: \"r\") { issues(first: $n) { totalCount } "
                        + "pullRequests(first: $m) { totalCount } forks(last: 101) { totalCount } } }");

        GraphQlResponse response = send(fromVariable, Map.of("n", -3));

        assertThat(response.errors()).extracting(GraphQlError::type)
                .containsExactly("INVALID_PAGINATION", "INVALID_PAGINATION", "EXCESSIVE_PAGINATION");
        assertThat(response.errors().get(2).message())
                .isEqualTo("Requesting 101 records on the `forks` connection exceeds the `last` limit of 100 records.");
    }

    @Test
    void should_let_a_query_within_the_limits_reach_the_stub() {
        GraphQlQuery within = new GraphQlQuery("t",
                "query T($n: Int) { repository(owner: \"o\", name: \"r\") { issues(first: $n) { totalCount } forks(last: 100) { totalCount } } }");

        GraphQlResponse response = send(within, Map.of("n", 1));

        assertThat(response.errors()).isEmpty();
        assertThat(response.data().path("answeredBy").asText()).isEqualTo("stub");
    }

    static Stream<String> queryNames() throws IOException {
        return GraphQlQueriesTest.queryNames();
    }

    @ParameterizedTest
    @MethodSource("queryNames")
    void should_let_every_query_of_the_program_through(String name) {
        GraphQlResponse response = send(GraphQlQuery.load(name), Map.of("owner", "o", "name", "r"));

        assertThat(response.errors()).as(name).isEmpty();
        assertThat(response.data().path("answeredBy").asText()).isEqualTo("stub");
        github.verify(1, anyRequestedFor(urlPathEqualTo("/graphql")));
    }
}
