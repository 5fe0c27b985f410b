package io.repovitals.github;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.repovitals.FakeTime;
import io.repovitals.GitHubFake;
import io.repovitals.TestClients;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kohsuke.github.GHRepository;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fault layer under github-api (its own GitHubRateLimitHandler and GitHubAbuseLimitHandler hooks,
 * retries in the HTTP client) and under raw REST calls (202 from statistics, the request budget).
 * The repository body is src/test/resources/github/rest-samples/repos-get.json; the secondary-limit body is
 * error-403-rate-limit.json.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FaultHandlingTest {
    static final Instant NOW = Instant.parse("2026-11-20T00:10:00Z");
    static final String REPO = "/repos/hub4j/github-api";
    static final String STATS = "/repos/hub4j/github-api/stats/contributors";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private final FakeTime time = new FakeTime(NOW);

    private static GHRepository repository(GitHubClients clients) {
        return RestCalls.call("read hub4j/github-api", clients.apiUrl(), () -> clients.rest().getRepository("hub4j/github-api"));
    }

    private static void thenRepository(String scenario) {
        github.stubFor(get(urlPathEqualTo(REPO)).inScenario(scenario).whenScenarioStateIs("then")
                .willReturn(ok(GitHubFake.restSample("repos-get.json"))));
    }

    @Test
    void should_let_github_api_wait_out_a_secondary_limit_through_its_abuse_limit_handler() {
        github.stubFor(get(urlPathEqualTo(REPO)).inScenario("abuse").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("Retry-After", "30")
                        .withBody(GitHubFake.restSample("error-403-rate-limit.json"))).willSetStateTo("then"));
        thenRepository("abuse");
        GitHubClients clients = TestClients.create(github, time);

        assertThat(repository(clients).getFullName()).isEqualTo("hub4j/github-api");
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(30));
        assertThat(clients.requests().rest()).isEqualTo(2);
    }

    @Test
    void should_let_github_api_wait_for_a_near_reset_through_its_rate_limit_handler() {
        github.stubFor(get(urlPathEqualTo(REPO)).inScenario("primary").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(NOW.plusSeconds(90).getEpochSecond()))
                        .withBody("{\"message\":\"API rate limit exceeded for installation ID 1.\"}")).willSetStateTo("then"));
        thenRepository("primary");
        GitHubClients clients = TestClients.create(github, time);

        assertThat(repository(clients).getFullName()).isEqualTo("hub4j/github-api");
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(91));
    }

    @Test
    void should_turn_a_distant_reset_into_one_line_through_github_api() {
        Instant reset = NOW.plus(Duration.ofMinutes(45));
        github.stubFor(get(urlPathEqualTo(REPO)).willReturn(aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()))
                .withBody("{\"message\":\"API rate limit exceeded for installation ID 1.\"}")));
        GitHubClients clients = TestClients.create(github, time);

        GitHubException failure = catchThrowableOfType(GitHubException.class, () -> repository(clients));

        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.RATE_LIMITED);
        assertThat(failure.getMessage()).isEqualTo("GitHub's core rate limit is used up until " + reset
                + ", later than the allowed wait of 300 s").doesNotContain("\n");
        assertThat(failure.isTransient()).isTrue();
        assertThat(time.pauses()).isEmpty();
    }

    @Test
    void should_retry_5xx_under_github_api() {
        github.stubFor(get(urlPathEqualTo(REPO)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("then"));
        thenRepository("5xx");
        GitHubClients clients = TestClients.create(github, time);

        assertThat(repository(clients).getFullName()).isEqualTo("hub4j/github-api");
        assertThat(clients.requests().rest()).isEqualTo(2);
    }

    @Test
    void should_not_repeat_a_rest_post_that_met_a_502_because_github_may_have_created_it_already() throws Exception {
        github.stubFor(post(urlPathEqualTo(REPO + "/issues")).willReturn(aResponse().withStatus(502)));
        RequestCounter counter = new RequestCounter();
        InstrumentedHttpClient client = new InstrumentedHttpClient(java.net.http.HttpClient.newHttpClient(),
                java.net.URI.create(github.baseUrl() + "/graphql"), counter, RequestBudget.unlimited(),
                TestClients.policy(time));

        java.net.http.HttpResponse<String> response = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(github.baseUrl() + REPO + "/issues"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        // The 502 goes back to the caller (one clear failure) instead of a second issue.
        assertThat(response.statusCode()).isEqualTo(502);
        github.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/issues")));
        assertThat(counter.rest()).isEqualTo(1);
        assertThat(time.pauses()).isEmpty();
    }

    @Test
    void should_retry_a_graphql_query_that_met_a_502() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").inScenario("graphql").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("then"));
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").inScenario("graphql").whenScenarioStateIs("then")
                .willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubClients clients = TestClients.create(github, time);

        GraphQlResponse response = clients.graphql().execute(new GraphQlQuery("probe", "query { rateLimit { cost } }"),
                java.util.Map.of("owner", "octo-org", "name", "widgets"));

        assertThat(response.data().path("repository").path("nameWithOwner").asText()).isEqualTo("octo-org/quiet");
        assertThat(clients.requests().graphql()).isEqualTo(2);
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void should_wait_out_a_graphql_secondary_limit() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").inScenario("gql-secondary").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("Retry-After", "5")
                        .withBody(GitHubFake.restSample("error-403-rate-limit.json"))).willSetStateTo("then"));
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").inScenario("gql-secondary").whenScenarioStateIs("then")
                .willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubClients clients = TestClients.create(github, time);

        clients.graphql().execute(new GraphQlQuery("probe", "query { rateLimit { cost } }"),
                java.util.Map.of("owner", "octo-org", "name", "widgets"));

        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(5));
        assertThat(clients.requests().graphql()).isEqualTo(2);
    }

    @Test
    void should_name_the_part_a_graphql_error_left_out_of_partial_data() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(aResponse().withStatus(200).withBody("""
                {"data": {"repository": {"nameWithOwner": "octo-org/widgets", "vulnerabilityAlerts": null}},
                 "errors": [{"type": "FORBIDDEN", "path": ["repository", "vulnerabilityAlerts"],
                             "message": "Resource not accessible by integration"}]}""")));
        GitHubClients clients = TestClients.create(github, time);

        GraphQlResponse response = clients.graphql().execute(new GraphQlQuery("probe", "query { rateLimit { cost } }"),
                java.util.Map.of("owner", "octo-org", "name", "widgets"));

        assertThat(response.data().path("repository").path("nameWithOwner").asText()).isEqualTo("octo-org/widgets");
        assertThat(response.missingReason("repository", "vulnerabilityAlerts")).contains(
                "GitHub could not give repository.vulnerabilityAlerts (FORBIDDEN: Resource not accessible by integration)");
        assertThat(response.missingReason("repository", "stargazers")).isEmpty();
        assertThat(time.pauses()).isEmpty();
    }

    @Test
    void should_give_up_on_a_connection_that_keeps_dropping_under_github_api_with_one_line() {
        github.stubFor(get(urlPathEqualTo(REPO)).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        GitHubClients clients = TestClients.create(github, time);

        GitHubException failure = catchThrowableOfType(GitHubException.class, () -> repository(clients));

        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.UNREACHABLE);
        assertThat(failure.getMessage()).isEqualTo("cannot reach GitHub at " + github.baseUrl()
                + ": connection failed (IOException)");
        // 4 attempts in the HTTP client; github-api does not retry on top (it sees a plain IOException)
        assertThat(clients.requests().rest()).isEqualTo(4);
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void should_give_up_on_graphql_rate_limited_answers_that_keep_coming() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(aResponse().withStatus(200)
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(NOW.plusSeconds(10).getEpochSecond()))
                .withBody("{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"API rate limit exceeded\"}]}")));
        GitHubClients clients = TestClients.create(github, time);

        GitHubException failure = catchThrowableOfType(GitHubException.class, () -> clients.graphql().execute(
                new GraphQlQuery("probe", "query { rateLimit { cost } }"), java.util.Map.of("owner", "octo-org", "name", "widgets")));

        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.RATE_LIMITED);
        assertThat(failure.getMessage()).isEqualTo("GitHub's GraphQL rate limit persisted after 2 waits");
        assertThat(clients.requests().graphql()).isEqualTo(3);
    }

    @Test
    void should_poll_a_statistics_endpoint_that_answers_202_until_it_is_ready() {
        github.stubFor(get(urlPathEqualTo(STATS)).inScenario("stats").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(202).withBody("{}")).willSetStateTo("computing"));
        github.stubFor(get(urlPathEqualTo(STATS)).inScenario("stats").whenScenarioStateIs("computing")
                .willReturn(aResponse().withStatus(202).withBody("{}")).willSetStateTo("ready"));
        github.stubFor(get(urlPathEqualTo(STATS)).inScenario("stats").whenScenarioStateIs("ready")
                .willReturn(ok("[{\"total\": 3, \"weeks\": [], \"author\": {\"login\": \"octocat\"}}]")));
        GitHubClients clients = TestClients.create(github, time);

        RestJson.Page page = clients.restJson().get("repos/hub4j/github-api/stats/contributors");

        assertThat(page.body().get(0).path("total").asInt()).isEqualTo(3);
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        github.verify(3, getRequestedFor(urlPathEqualTo(STATS)));
    }

    @Test
    void should_give_up_on_statistics_that_stay_202_with_a_reason() {
        github.stubFor(get(urlPathEqualTo(STATS)).willReturn(aResponse().withStatus(202).withBody("{}")));
        GitHubClients clients = TestClients.create(github, time);

        GitHubException failure = catchThrowableOfType(GitHubException.class,
                () -> clients.restJson().get("repos/hub4j/github-api/stats/contributors"));

        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.NOT_READY);
        assertThat(failure.getMessage()).isEqualTo("GitHub is still computing these statistics (HTTP 202 after 5 tries)");
        github.verify(5, getRequestedFor(urlPathEqualTo(STATS)));
    }

    @Test
    void should_not_poll_202_from_endpoints_that_are_not_statistics() {
        github.stubFor(get(urlPathEqualTo(REPO)).willReturn(aResponse().withStatus(202).withBody("{}")));
        GitHubClients clients = TestClients.create(github, time);

        catchThrowableOfType(GitHubException.class, () -> clients.restJson().get("repos/hub4j/github-api"));

        github.verify(1, getRequestedFor(urlPathEqualTo(REPO)));
    }

    @Test
    void should_refuse_requests_beyond_the_budget_under_github_api_too() {
        github.stubFor(get(urlPathEqualTo(REPO)).willReturn(ok(GitHubFake.restSample("repos-get.json"))));
        GitHubClients clients = TestClients.create(github, RequestBudget.of(1), TestClients.policy(time));

        repository(clients);
        GitHubException failure = catchThrowableOfType(GitHubException.class, () -> repository(clients));

        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.BUDGET_EXHAUSTED);
        assertThat(failure.getMessage()).isEqualTo("request budget of 1 exhausted");
        github.verify(1, getRequestedFor(urlPathEqualTo(REPO)));
    }
}
