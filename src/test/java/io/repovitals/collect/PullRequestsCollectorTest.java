package io.repovitals.collect;

import io.repovitals.TestClients;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.GitHubFake;
import io.repovitals.OutcomeValues;
import io.repovitals.github.GitHubClients;
import io.repovitals.metrics.PrMetrics;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * prs.* end to end: the pull-requests GraphQL collector against a fake GitHub, then the family.
 * Expected values are worked out by hand from src/test/resources/github/graphql/pull-requests-week.json.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PullRequestsCollectorTest {
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

    private void stubWeek() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(matchingJsonPath("$.variables.withOpen", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.variables.withDone", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.variables.doneAfter", absent()))
                .willReturn(GitHubFake.json("github/graphql/pull-requests-week.json")));
        github.stubFor(post(urlPathEqualTo("/graphql"))
                .withRequestBody(containing("query PullRequestMore"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("PR_kwDOA20")))
                .withRequestBody(matchingJsonPath("$.variables.withReviews", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.variables.reviewsAfter", equalTo("Y3Vyc29yOnYyOpHOAAAAAQ==")))
                .withRequestBody(matchingJsonPath("$.variables.withComments", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.variables.withCommits", equalTo("false")))
                .willReturn(GitHubFake.json("github/graphql/pull-request-more-20.json")));
    }

    private PullRequests fetchWeek(GitHubClients clients) {
        return new PullRequestsCollector().fetch(clients, REPO, WINDOW.start(), AS_OF);
    }

    @Test
    void should_compute_every_pr_metric_from_one_page_and_one_overflow_request() {
        stubWeek();
        GitHubClients clients = clients();
        Datasets data = new Datasets().with(PullRequests.class, fetchWeek(clients));

        Map<String, Object> values = OutcomeValues.of(new PrMetrics().compute(data, WINDOW, List.of()));

        // Bot-authored #13 (dependabot) and #24 (renovate) are left out; #25 was last updated before the window
        // and is dropped (and ends the paging). Opened in [11-13, 11-20): #10, #11, #12, #21, #22, #23.
        // #14 opened exactly at asOf (out), #15 and #20 before the window.
        assertThat(values.get("prs.opened")).isEqualTo(6.0);
        // Merged: #20 exactly at the window start (in), #21; #22 merged exactly at asOf (out).
        assertThat(values.get("prs.merged")).isEqualTo(2.0);
        assertThat(values.get("prs.closed_unmerged")).isEqualTo(1.0); // #23
        assertThat((double) values.get("prs.merge_ratio")).isCloseTo(2.0 / 3, within(1e-9));
        // #20: 24 h, #21: 36 h. Mean 30, p50 30, p90 (R_7): 24 + 0.9 * 12 = 34.8.
        assertThat(values.get("prs.time_to_merge_hours.mean")).isEqualTo(30.0);
        assertThat(values.get("prs.time_to_merge_hours.p50")).isEqualTo(30.0);
        assertThat((double) values.get("prs.time_to_merge_hours.p90")).isCloseTo(34.8, within(1e-9));
        // First qualifying reviews in the window, from readyAt:
        //   #11 opened as draft 11-15, ready 11-16T00, bob 11-16T06: 6 h (not 30 h from creation);
        //   #21 its author's own approval and a bot's review do not qualify; alice 11-17, after the merge: 48 h;
        //   #22 alice 11-19 from 11-18: 24 h.
        // Left out: #10 (only its author's review, a PENDING one and a bot's), #12 (still a draft, though bob
        // commented), #20 (first review 11-12, before the window; carol's later one is not the first).
        // Sorted [6, 24, 48]: p50 24, p90 = 24 + 0.8 * 24 = 43.2.
        assertThat(values.get("prs.time_to_first_review_hours.p50")).isEqualTo(24.0);
        assertThat((double) values.get("prs.time_to_first_review_hours.p90")).isCloseTo(43.2, within(1e-9));
        // Open at asOf, not draft, no qualifying review: #10, #14 (opened exactly at asOf: open then) and #15
        // (ghost author: not a bot, so counted). #11 has bob's review, #12 is a draft, #22 closed at asOf.
        assertThat(values.get("prs.awaiting_first_review")).isEqualTo(3.0);
        // Qualifying reviews at or before the merge: #20 bob (carol's, from the overflow page, came after): 1;
        // #21 none (alice reviewed after the merge). Mean 0.5, coverage 1 of 2.
        assertThat(values.get("prs.reviews_per_pr")).isEqualTo(0.5);
        assertThat(values.get("prs.review_coverage")).isEqualTo(0.5);
        // Sizes of merged PRs: #20 10 + 5 = 15, #21 100 + 20 = 120: median 67.5.
        assertThat(values.get("prs.size_lines.p50")).isEqualTo(67.5);

        // One page of each list and one overflow request for #20's reviews; the done list's next page is
        // never asked for, as its oldest item (#25, updated 11-12) is older than since.
        assertThat(clients.requests().total()).isEqualTo(2);
        assertThat(clients.requests().graphqlCost()).isEqualTo(5);
        github.verify(1, postRequestedFor(urlPathEqualTo("/graphql")).withRequestBody(containing("query PullRequests")));
    }

    @Test
    void should_page_merged_prs_back_to_the_last_deployment_before_the_window() {
        stubWeek();
        // The last deployment before the window was at 11-09T18:00: PRs merged since then are needed
        // (dora.lead_time_hours.p50), so the done list goes on past #25 (updated 11-12, merged 11-10: kept now).
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(matchingJsonPath("$.variables.withOpen", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.variables.withDone", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.variables.doneAfter", equalTo("Y3Vyc29yOmRvbmUtNg==")))
                .willReturn(GitHubFake.json("github/graphql/pull-requests-week-done-page2.json")));
        GitHubClients clients = clients();
        Instant lastDeployment = Instant.parse("2026-11-09T18:00:00Z");

        PullRequests pulls = new PullRequestsCollector().fetch(clients, REPO, WINDOW.start(), lastDeployment, AS_OF);

        // Page 2: #26 merged 11-10T20:00 (kept); #27 closed unmerged and #28 merged 10-10 (commented 11-10), both
        // updated before since and not merged since the deployment (dropped); #29 updated 11-09T12:00, before the
        // deployment: dropped, and it ends the paging although the page says there are more.
        assertThat(pulls.items()).extracting(PullRequests.PullRequest::number)
                .containsExactlyInAnyOrder(10, 11, 12, 13, 14, 15, 20, 22, 21, 23, 24, 25, 26);
        assertThat(pulls.since()).isEqualTo(WINDOW.start());
        assertThat(pulls.mergedSince()).isEqualTo(lastDeployment);
        // One request more than the week alone (2: both lists' first page, #20's reviews): the done list's page 2.
        assertThat(clients.requests().total()).isEqualTo(3);
        github.verify(2, postRequestedFor(urlPathEqualTo("/graphql")).withRequestBody(containing("query PullRequests")));
    }

    @Test
    void should_stop_at_since_when_the_last_deployment_is_after_the_oldest_update_on_the_page() {
        stubWeek();
        GitHubClients clients = clients();
        // A deployment at 11-12T12:00: #25 (updated 11-12T00:00, merged 11-10) is older and ends the paging.
        PullRequests pulls = new PullRequestsCollector().fetch(clients, REPO, WINDOW.start(),
                Instant.parse("2026-11-12T12:00:00Z"), AS_OF);

        assertThat(pulls.items()).extracting(PullRequests.PullRequest::number).doesNotContain(25);
        assertThat(clients.requests().total()).isEqualTo(2);
    }

    @Test
    void should_read_drafts_ghosts_bots_and_oldest_commits_as_github_states_them() {
        stubWeek();
        PullRequests pulls = fetchWeek(clients());

        assertThat(pulls.defaultBranch()).isEqualTo("main");
        assertThat(pulls.items()).extracting(PullRequests.PullRequest::number)
                .containsExactlyInAnyOrder(10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24);
        PullRequests.PullRequest readied = find(pulls, 11);
        assertThat(readied.openedAsDraft()).isTrue();
        assertThat(readied.readyAt()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        PullRequests.PullRequest draft = find(pulls, 12);
        assertThat(draft.readyAt()).isNull();
        assertThat(draft.draftAt(AS_OF)).isTrue();
        assertThat(find(pulls, 15).author()).isEqualTo(Account.GHOST);
        // GitHub's stand-in login for deleted accounts is a ghost too.
        assertThat(find(pulls, 20).comments()).extracting(Comment::author).containsExactly(new Account("dave", false), Account.GHOST);
        assertThat(find(pulls, 13).author().bot()).isTrue();
        assertThat(find(pulls, 10).reviews()).filteredOn(review -> review.state() == PullRequests.Review.State.PENDING)
                .singleElement().satisfies(review -> assertThat(review.submittedAt()).isNull());
        // The smallest committed date, not the first listed.
        assertThat(find(pulls, 20).oldestCommitAt()).isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
        assertThat(find(pulls, 20).reviews()).hasSize(2);
    }

    @Test
    void should_treat_ignored_users_as_bots() {
        stubWeek();
        Datasets data = new Datasets().with(PullRequests.class, fetchWeek(clients()));

        // Ignoring bob: #21 (his) leaves merged and opened; his reviews no longer qualify, so #11 awaits a review.
        Map<String, Object> values = OutcomeValues.of(new PrMetrics(Set.of("BOB")).compute(data, WINDOW, List.of()));

        assertThat(values.get("prs.opened")).isEqualTo(5.0);
        assertThat(values.get("prs.merged")).isEqualTo(1.0);
        assertThat(values.get("prs.awaiting_first_review")).isEqualTo(4.0);
        // #20's only review before its merge was bob's.
        assertThat(values.get("prs.review_coverage")).isEqualTo(0.0);
    }

    @Test
    void should_leave_the_dataset_absent_with_the_reason_when_github_answers_with_errors() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/pull-requests-partial.json")));

        GitHubClients clients = clients();
        Datasets data = new Datasets().fetch(PullRequests.class,
                () -> new PullRequestsCollector().fetch(clients, REPO, WINDOW.start(), AS_OF));

        assertThat(data.get(PullRequests.class)).isEmpty();
        // An odd answer is transient: another run could have the data, so the snapshot is partial.
        assertThat(data.partialReason()).hasValueSatisfying(reason -> assertThat(reason).contains("SERVICE_UNAVAILABLE"));
        assertThat(OutcomeValues.of(new PrMetrics().compute(data, WINDOW, List.of())).values()).allSatisfy(value ->
                assertThat((String) value).isEqualTo("missing: GitHub's GraphQL API answered pull requests of octo-org/widgets"
                        + " with an error (SERVICE_UNAVAILABLE: Something went wrong while executing your query."
                        + " This may be the result of a timeout, or it could be a GitHub bug.)"));
    }

    @Test
    void should_leave_the_dataset_absent_when_an_answer_does_not_fit_rather_than_crash() {
        String body = GitHubFake.resource("github/graphql/pull-requests-week.json").replace("\"PENDING\"", "\"SUPERSEDED\"");
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
        GitHubClients clients = clients();

        Datasets data = new Datasets().fetch(PullRequests.class,
                () -> new PullRequestsCollector().fetch(clients, REPO, WINDOW.start(), AS_OF));

        assertThat(data.absentReason(PullRequests.class)).startsWith(
                "GitHub's GraphQL answer for pull requests of octo-org/widgets could not be read (")
                .contains("SUPERSEDED");
    }

    @Test
    void should_leave_metrics_absent_not_zero_for_an_empty_repository() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/pull-requests-empty-repo.json")));
        GitHubClients clients = clients();

        Datasets data = new Datasets().fetch(PullRequests.class,
                () -> new PullRequestsCollector().fetch(clients, REPO, WINDOW.start(), AS_OF));

        assertThat(OutcomeValues.of(new PrMetrics().compute(data, WINDOW, List.of())))
                .containsEntry("prs.opened", "missing: the repository is empty (no default branch), so it has no pull requests")
                .hasSize(PrMetrics.DEFS.size());
        assertThat(clients.requests().total()).isEqualTo(1);
        assertThat(data.partialReason()).isEmpty();
    }

    @Test
    void should_refuse_a_window_outside_the_fetched_range() {
        stubWeek();
        Datasets data = new Datasets().with(PullRequests.class, fetchWeek(clients()));

        Window earlier = new Window(AS_OF.minusSeconds(86400), 7);

        assertThat((String) OutcomeValues.of(new PrMetrics().compute(data, earlier, List.of())).get("prs.opened"))
                .startsWith("missing: pull requests were fetched for 2026-11-13T00:00:00Z to 2026-11-20T00:00:00Z");
    }

    private static PullRequests.PullRequest find(PullRequests pulls, int number) {
        return pulls.items().stream().filter(pr -> pr.number() == number).findFirst().orElseThrow();
    }
}
