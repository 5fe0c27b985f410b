package io.repovitals.collect;

import io.repovitals.TestClients;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.GitHubFake;
import io.repovitals.OutcomeValues;
import io.repovitals.github.GitHubClients;
import io.repovitals.metrics.IssueMetrics;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * issues.* end to end: the issues GraphQL collector against a fake GitHub, then the family.
 * Expected values are worked out by hand from src/test/resources/github/graphql/issues-week-*.json.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IssuesCollectorTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Window WINDOW = new Window(AS_OF, 7); // [2026-11-13T00:00Z, 2026-11-20T00:00Z)
    private static final RepoRef REPO = RepoRef.parse("octo-org/widgets");

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private GitHubClients clients() {
        return TestClients.create(URI.create(github.baseUrl()), URI.create(github.baseUrl() + "/graphql"),
                Secret.of(GitHubFake.TOKEN));
    }

    private Issues fetchWeek(GitHubClients clients) {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(matchingJsonPath("$.variables.since", equalTo("2026-11-13T00:00:00Z")))
                .withRequestBody(matchingJsonPath("$.variables.withClosed", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.variables.openAfter", absent()))
                .willReturn(GitHubFake.json("github/graphql/issues-week-page1.json")));
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(matchingJsonPath("$.variables.withOpen", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.variables.openAfter", equalTo("Y3Vyc29yOnYyOpK5MjAyNi0xMS0xNVQwMDowMDowMFo=")))
                .withRequestBody(matchingJsonPath("$.variables.withClosed", equalTo("false")))
                .willReturn(GitHubFake.json("github/graphql/issues-week-page2.json")));
        github.stubFor(post(urlPathEqualTo("/graphql"))
                .withRequestBody(containing("query IssueMore"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("I_kwDOA1")))
                .withRequestBody(matchingJsonPath("$.variables.withComments", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.variables.withLabels", equalTo("false")))
                .willReturn(GitHubFake.json("github/graphql/issue-more-1.json")));
        return new IssuesCollector().fetch(clients, REPO, WINDOW.start(), AS_OF);
    }

    @Test
    void should_compute_every_issue_metric_from_the_open_and_recently_closed_issues() {
        GitHubClients clients = clients();
        Datasets data = new Datasets().with(Issues.class, fetchWeek(clients));

        Map<String, Object> values = OutcomeValues.of(new IssueMetrics().compute(data, WINDOW, List.of()));

        // Bot-authored #4 (github-actions) and #31 (dependabot) are left out.
        // Opened in [11-13, 11-20): #6 (exactly at the window start: in), #1, #8, #9; #5 opened exactly at asOf (out).
        assertThat(values.get("issues.opened")).isEqualTo(4.0);
        // Closed in window: #7 (11-15) and #8 (11-17T12); #9 closed exactly at asOf (out).
        assertThat(values.get("issues.closed")).isEqualTo(2.0);
        // First responses in the window: #1 bob 6 h after creation (alice's own comment and the bot's are no
        // response); #8 bob 3 h (carol's own comment is not). #7's came 11-12 (before), #6's exactly at asOf (out).
        // [3, 6]: p50 4.5, p90 3 + 0.9 * 3 = 5.7.
        assertThat(values.get("issues.time_to_first_response_hours.p50")).isEqualTo(4.5);
        assertThat((double) values.get("issues.time_to_first_response_hours.p90")).isCloseTo(5.7, within(1e-9));
        // Closed in window: #7 120 h, #8 36 h: median 78.
        assertThat(values.get("issues.time_to_close_hours.p50")).isEqualTo(78.0);
        // Open at asOf: #1 (6 days), #2 (19), #3 (ghost author, not a bot: 80), #5 (opened at asOf: 0), #6 (7).
        // #9 closed exactly at asOf is closed then. Mean 112 / 5 = 22.4; sorted [0, 6, 7, 19, 80]: median 7.
        assertThat((double) values.get("issues.open_age_days.mean")).isCloseTo(22.4, within(1e-9));
        assertThat(values.get("issues.open_age_days.p50")).isEqualTo(7.0);
        // No response at asOf: #2 and #5. #6's response, stamped exactly at asOf, has happened; #3 had bob's.
        assertThat(values.get("issues.awaiting_first_response")).isEqualTo(2.0);
        // Last activity before asOf - 30 days (10-21): only #3 (10-01). #2's last activity 11-02 is recent enough.
        assertThat(values.get("issues.stale")).isEqualTo(1.0);

        // Two pages of open issues (the closed list ended on the first), one overflow request for #1's comments.
        assertThat(clients.requests().total()).isEqualTo(3);
        assertThat(clients.requests().graphqlCost()).isEqualTo(5);
    }

    @Test
    void should_read_labels_ghosts_and_overflowing_comments() {
        Issues issues = fetchWeek(clients());

        assertThat(issues.items()).extracting(Issues.Issue::number).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 31);
        Issues.Issue first = issues.items().stream().filter(issue -> issue.number() == 1).findFirst().orElseThrow();
        assertThat(first.comments()).hasSize(4).last().satisfies(comment ->
                assertThat(comment.author().login()).isEqualTo("carol"));
        Issues.Issue ghost = issues.items().stream().filter(issue -> issue.number() == 3).findFirst().orElseThrow();
        assertThat(ghost.author()).isEqualTo(Account.GHOST);
        assertThat(ghost.labels()).containsExactly("bug", "help wanted");
    }

    @Test
    void should_take_stale_days_and_ignored_users_from_the_settings() {
        Datasets data = new Datasets().with(Issues.class, fetchWeek(clients()));

        // Stale before 11-06: #2 (11-02) and #3. Ignoring bob: his #5 and #7 leave, and his comments are no
        // longer responses.
        Map<String, Object> values = OutcomeValues.of(new IssueMetrics(Set.of("bob"), 14).compute(data, WINDOW, List.of()));

        assertThat(values.get("issues.stale")).isEqualTo(2.0);
        assertThat(values.get("issues.closed")).isEqualTo(1.0);
        // Open: #1 (carol answered 11-18 on the overflow page), #2, #3, #6 (carol at asOf): #2 and #3 wait.
        assertThat(values.get("issues.awaiting_first_response")).isEqualTo(2.0);
    }
}
