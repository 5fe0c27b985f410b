package io.repovitals.collect;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.FakeTime;
import io.repovitals.GitHubFake;
import io.repovitals.TestClients;
import io.repovitals.collect.PullRequests.Review;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.github.GraphQlQuery;
import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One pull request in one GraphQL request, read by the collector's own rules. Fixture:
 * src/test/resources/github/graphql/pull-request-one-made-ready.json (PR #42, opened as a draft on 11-16 08:00,
 * ready on 11-17 10:00, reviews by a bot, by its author, a PENDING one, then bob and dave).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PullRequestOneTest {
    private static final RepoRef REPO = RepoRef.parse("octo-org/widgets");

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private GitHubClients clients() {
        return TestClients.create(github, new FakeTime(Instant.parse("2026-11-20T00:00:00Z")));
    }

    private void stubOne(int number, String fixture) {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(containing("query PullRequestOne("))
                .withRequestBody(matchingJsonPath("$.variables.number", equalTo(String.valueOf(number))))
                .willReturn(GitHubFake.json(fixture)));
    }

    @Test
    void should_read_a_draft_made_ready_with_all_its_reviews_in_one_request() {
        stubOne(42, "github/graphql/pull-request-one-made-ready.json");
        GitHubClients clients = clients();

        PullRequestOne.Fetched fetched = new PullRequestOne().fetch(clients, REPO, 42);

        PullRequests.PullRequest pr = fetched.pullRequest();
        assertThat(pr.number()).isEqualTo(42);
        assertThat(pr.title()).isEqualTo("Parse config lazily | fast @team");
        assertThat(pr.author()).isEqualTo(new Account("alice", false));
        assertThat(pr.openedAsDraft()).isTrue();
        assertThat(pr.draftNow()).isFalse();
        assertThat(pr.readyAt()).isEqualTo(Instant.parse("2026-11-17T10:00:00Z"));
        assertThat(pr.createdAt()).isEqualTo(Instant.parse("2026-11-16T08:00:00Z"));
        assertThat(pr.mergedAt()).isNull();
        assertThat(pr.additions()).isEqualTo(120);
        assertThat(pr.deletions()).isEqualTo(30);
        assertThat(fetched.changedFiles()).isEqualTo(6);
        assertThat(pr.reviews()).extracting(Review::state).containsExactly(Review.State.COMMENTED,
                Review.State.COMMENTED, Review.State.PENDING, Review.State.APPROVED, Review.State.CHANGES_REQUESTED);
        assertThat(pr.reviews().get(0).author().bot()).isTrue();
        assertThat(pr.oldestCommitAt()).isEqualTo(Instant.parse("2026-11-16T07:00:00Z"));
        assertThat(clients.requests().graphql()).isEqualTo(1);
        assertThat(clients.requests().rest()).isZero();
    }

    @Test
    void should_complete_reviews_beyond_the_first_page_with_one_more_request() {
        stubOne(42, "github/graphql/pull-request-one-many-reviews.json");
        github.stubFor(post(urlPathEqualTo("/graphql"))
                .withRequestBody(containing("query PullRequestMore("))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("PR_kwDOA42")))
                .withRequestBody(matchingJsonPath("$.variables.reviewsAfter", equalTo("NDA=")))
                .withRequestBody(matchingJsonPath("$.variables.withComments", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.variables.withCommits", equalTo("false")))
                .willReturn(GitHubFake.json("github/graphql/pull-request-one-more-reviews.json")));
        GitHubClients clients = clients();

        PullRequests.PullRequest pr = new PullRequestOne().fetch(clients, REPO, 42).pullRequest();

        assertThat(pr.reviews()).hasSize(6);
        assertThat(pr.reviews().get(5).author().login()).isEqualTo("erin");
        assertThat(clients.requests().graphql()).isEqualTo(2);
        github.verify(1, postRequestedFor(urlPathEqualTo("/graphql")).withRequestBody(containing("query PullRequestMore(")));
    }

    @Test
    void should_say_which_pull_request_does_not_exist() {
        stubOne(999, "github/graphql/pull-request-one-not-found.json");

        assertThatThrownBy(() -> new PullRequestOne().fetch(clients(), REPO, 999))
                .isInstanceOfSatisfying(GitHubException.class,
                        e -> assertThat(e.kind()).isEqualTo(GitHubException.Kind.NOT_FOUND))
                .hasMessage("pull request #999 of octo-org/widgets was not found "
                        + "(GitHub: Could not resolve to a PullRequest with the number of 999.)");
    }

    @Test
    void should_select_exactly_the_fields_the_collector_selects() {
        String one = GraphQlQuery.load("pull-request-one").document();
        String collector = GraphQlQuery.load("pull-requests").document();

        assertThat(fragment(one)).isEqualTo(fragment(collector));
    }

    private static String fragment(String document) {
        return document.substring(document.indexOf("fragment PullRequestFields on PullRequest")).strip();
    }
}
