package io.repovitals.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.repovitals.FakeTime;
import io.repovitals.GitHubFake;
import io.repovitals.RestSamples;
import io.repovitals.TestClients;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.repovitals.publish.PrCommentPublisher.MARKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sticky PR comment against a fake GitHub serving the recorded REST shapes of src/test/resources/github/rest-samples:
 * repos-get.json (hub4j/github-api), a pull request's issue from issues-list.json (renumbered 178) and the
 * five real comments of issue-comments.json, plus copies of them edited into our bot's or a user's comment.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PrCommentPublisherTest {
    private static final RepoRef REPO = RepoRef.parse("hub4j/github-api");
    private static final String ISSUE = "/repos/hub4j/github-api/issues/178";
    private static final String COMMENTS = ISSUE + "/comments";
    private static final long OURS = 990_001L;
    private static final long MALLORY = 990_002L;
    private static final String FORBIDDEN = "{\"message\":\"Resource not accessible by integration\","
            + "\"documentation_url\":\"https://docs.github.com/rest/issues/comments#create-an-issue-comment\",\"status\":\"403\"}";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private GitHubClients clients;

    @BeforeEach
    void stubRepositoryAndIssue() {
        clients = TestClients.create(github, new FakeTime(Instant.parse("2026-11-20T00:00:00Z")));
        github.stubFor(get(urlPathEqualTo("/repos/hub4j/github-api"))
                .willReturn(okJson(GitHubFake.restSample("repos-get.json"))));
        ObjectNode issue = RestSamples.sample("issues-list.json").get(1).deepCopy();
        issue.put("number", 178);
        github.stubFor(get(urlPathEqualTo(ISSUE)).willReturn(okJson(issue.toString())));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    /** A copy of issue-comments.json's first comment with its id, author and body replaced. */
    private static ObjectNode comment(long id, String login, String type, String body) {
        ObjectNode comment = RestSamples.sample("issue-comments.json").get(0).deepCopy();
        comment.put("id", id);
        comment.put("html_url", "https://github.com/hub4j/github-api/pull/178#issuecomment-" + id);
        comment.put("url", "https://api.github.com/repos/hub4j/github-api/issues/comments/" + id);
        ((ObjectNode) comment.path("user")).put("login", login).put("type", type);
        comment.put("body", body);
        return comment;
    }

    private static ObjectNode ours(String body) {
        return comment(OURS, "github-actions[bot]", "Bot", body);
    }

    /** The five recorded comments followed by {@code more}. */
    private static String page(JsonNode... more) {
        List<JsonNode> items = new ArrayList<>();
        RestSamples.sample("issue-comments.json").forEach(items::add);
        items.addAll(List.of(more));
        return RestSamples.array(items.toArray(JsonNode[]::new));
    }

    private static MappingBuilder firstPage() {
        return get(urlPathEqualTo(COMMENTS)).withQueryParam("per_page", equalTo("100")).withQueryParam("page", absent());
    }

    private PrCommentResult publish(String markdown) {
        return new PrCommentPublisher(clients).publish(REPO, 178, markdown);
    }

    @Test
    void should_create_the_comment_once_then_edit_it_in_place() {
        String scenario = "sticky";
        github.stubFor(firstPage().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(page())));
        github.stubFor(post(urlPathEqualTo(COMMENTS)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.body", equalTo(MARKER + "\nrun 1")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(ours(MARKER + "\nrun 1").toString()))
                .willSetStateTo("commented"));
        github.stubFor(firstPage().inScenario(scenario).whenScenarioStateIs("commented")
                .willReturn(okJson(page(ours(MARKER + "\nrun 1")))));
        github.stubFor(patch(urlPathEqualTo("/repos/hub4j/github-api/issues/comments/" + OURS))
                .withRequestBody(matchingJsonPath("$.body", equalTo(MARKER + "\nrun 2")))
                .willReturn(okJson(ours(MARKER + "\nrun 2").toString())));

        PrCommentResult first = publish("run 1");
        int firstRunRequests = clients.requests().rest();
        PrCommentResult second = publish("run 2");

        assertThat(first).isEqualTo(new PrCommentResult(PrCommentResult.Action.CREATED, 178, OURS,
                "https://github.com/hub4j/github-api/pull/178#issuecomment-" + OURS));
        assertThat(second.action()).isEqualTo(PrCommentResult.Action.EDITED);
        assertThat(second.commentId()).isEqualTo(OURS);
        github.verify(1, postRequestedFor(urlPathEqualTo(COMMENTS)));
        github.verify(1, patchRequestedFor(anyUrl()));
        // Each run: GET the repository, GET the issue, GET one page of comments, then one POST or PATCH.
        assertThat(firstRunRequests).isEqualTo(4);
        assertThat(clients.requests().rest()).isEqualTo(8);
        assertThat(clients.requests().graphql()).isZero();
        assertThat(second.logLine()).isEqualTo("pr-comment: edited the comment on #178 "
                + "(https://github.com/hub4j/github-api/pull/178#issuecomment-990001)");
    }

    @Test
    void should_leave_a_comment_alone_when_it_already_says_the_same() {
        github.stubFor(firstPage().willReturn(okJson(page(ours(MARKER + "\nsame")))));

        PrCommentResult result = publish(MARKER + "\nsame");

        assertThat(result.action()).isEqualTo(PrCommentResult.Action.UNCHANGED);
        github.verify(0, patchRequestedFor(anyUrl()));
        github.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void should_not_edit_a_users_comment_quoting_the_marker_under_the_actions_token() {
        github.stubFor(firstPage().willReturn(okJson(page(
                comment(MALLORY, "mallory", "User", MARKER + "\nI can write this too")))));
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(FORBIDDEN)));
        github.stubFor(post(urlPathEqualTo(COMMENTS))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(ours(MARKER + "\nreport").toString())));

        PrCommentResult result = publish("report");

        assertThat(result.action()).isEqualTo(PrCommentResult.Action.CREATED);
        github.verify(0, patchRequestedFor(anyUrl()));
        github.verify(1, getRequestedFor(urlPathEqualTo("/user")));
    }

    @Test
    void should_edit_ours_and_skip_the_fake_before_it() {
        github.stubFor(firstPage().willReturn(okJson(page(
                comment(MALLORY, "mallory", "User", MARKER + "\nfake"), ours(MARKER + "\nold")))));
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(FORBIDDEN)));
        github.stubFor(patch(urlPathEqualTo("/repos/hub4j/github-api/issues/comments/" + OURS))
                .willReturn(okJson(ours(MARKER + "\nnew").toString())));

        PrCommentResult result = publish("new");

        assertThat(result.action()).isEqualTo(PrCommentResult.Action.EDITED);
        assertThat(result.commentId()).isEqualTo(OURS);
        github.verify(0, patchRequestedFor(urlPathEqualTo("/repos/hub4j/github-api/issues/comments/" + MALLORY)));
    }

    @Test
    void should_edit_a_comment_by_the_account_of_a_personal_token() {
        ObjectNode me = RestSamples.sample("issue-comments.json").get(0).path("user").deepCopy();
        github.stubFor(firstPage().willReturn(okJson(page(comment(MALLORY, "kohsuke", "User", MARKER + "\nold")))));
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson(me.toString())));
        github.stubFor(patch(urlPathEqualTo("/repos/hub4j/github-api/issues/comments/" + MALLORY))
                .willReturn(okJson(comment(MALLORY, "kohsuke", "User", MARKER + "\nnew").toString())));

        PrCommentResult result = publish("new");

        assertThat(result.action()).isEqualTo(PrCommentResult.Action.EDITED);
        assertThat(result.commentId()).isEqualTo(MALLORY);
    }

    @Test
    void should_not_take_a_comment_that_only_mentions_the_marker_later() {
        github.stubFor(firstPage().willReturn(okJson(page(ours("Quoting: " + MARKER)))));
        github.stubFor(post(urlPathEqualTo(COMMENTS))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(ours(MARKER + "\nreport").toString())));

        assertThat(publish("report").action()).isEqualTo(PrCommentResult.Action.CREATED);
        github.verify(0, getRequestedFor(urlPathEqualTo("/user")));
    }

    private String nextPageLink() {
        String next = github.baseUrl() + "/repositories/617210/issues/178/comments?per_page=100&page=2";
        return "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\"";
    }

    @Test
    void should_stop_reading_pages_once_it_found_its_comment() {
        github.stubFor(firstPage().willReturn(okJson(page(ours(MARKER + "\nold"))).withHeader("Link", nextPageLink())));
        github.stubFor(get(urlPathEqualTo("/repositories/617210/issues/178/comments"))
                .willReturn(okJson("[]")));
        github.stubFor(patch(urlPathEqualTo("/repos/hub4j/github-api/issues/comments/" + OURS))
                .willReturn(okJson(ours(MARKER + "\nnew").toString())));

        assertThat(publish("new").action()).isEqualTo(PrCommentResult.Action.EDITED);
        github.verify(0, getRequestedFor(urlPathEqualTo("/repositories/617210/issues/178/comments")));
    }

    @Test
    void should_read_the_next_page_when_the_first_has_no_comment_of_ours() {
        github.stubFor(firstPage().willReturn(okJson(page()).withHeader("Link", nextPageLink())));
        github.stubFor(get(urlPathEqualTo("/repositories/617210/issues/178/comments"))
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson(RestSamples.array(ours(MARKER + "\nold")))));
        github.stubFor(patch(urlPathEqualTo("/repos/hub4j/github-api/issues/comments/" + OURS))
                .willReturn(okJson(ours(MARKER + "\nnew").toString())));

        assertThat(publish("new").action()).isEqualTo(PrCommentResult.Action.EDITED);
        github.verify(1, getRequestedFor(urlPathEqualTo("/repositories/617210/issues/178/comments")));
    }

    @Test
    void should_name_the_missing_permission_in_one_line_when_github_refuses_the_comment() {
        github.stubFor(firstPage().willReturn(okJson(page())));
        github.stubFor(post(urlPathEqualTo(COMMENTS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(FORBIDDEN)));

        assertThatThrownBy(() -> publish("report"))
                .isInstanceOfSatisfying(GitHubException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GitHubException.Kind.FORBIDDEN);
                    assertThat(e.getMessage()).startsWith("pr-comment: cannot comment on pull request #178 of hub4j/github-api: the token may not do this (HTTP 403")
                            .contains("Resource not accessible by integration")
                            .contains("the workflow needs 'permissions: pull-requests: write'")
                            .doesNotContain("\n")
                            .doesNotContain(GitHubFake.TOKEN);
                });
        github.verify(1, postRequestedFor(urlPathEqualTo(COMMENTS)));
    }

    @Test
    void should_cut_a_body_over_githubs_limit_and_say_so() {
        String fitted = PrCommentPublisher.fit(MARKER + "\n" + "x".repeat(70_000));

        assertThat(fitted).hasSize(65_536).startsWith(MARKER).endsWith(PrCommentPublisher.CUT_NOTE);
        assertThat(PrCommentPublisher.fit("short")).isEqualTo("short");
    }

    @Test
    void should_send_no_request_it_does_not_need() {
        github.stubFor(firstPage().willReturn(okJson(page(ours(MARKER + "\nsame")))));

        publish(MARKER + "\nsame");

        github.verify(3, anyRequestedFor(anyUrl()));
    }
}
