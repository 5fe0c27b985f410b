package io.repovitals.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.repovitals.FakeTime;
import io.repovitals.GitHubFake;
import io.repovitals.RestSamples;
import io.repovitals.TestClients;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.GitHubException;
import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.repovitals.publish.IssueSamples.BOT;
import static io.repovitals.publish.IssueSamples.REPO_PATH;
import static io.repovitals.publish.IssueSamples.issue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The weekly report issue against a WireMock GitHub serving bodies derived from the recorded
 * samples; every test counts the requests it cost. Unless a test says otherwise the token is an
 * Actions GITHUB_TOKEN: {@code GET /user} answers 403 and our issues are by github-actions[bot].
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IssuePublisherTest {
    static final RepoRef REPO = RepoRef.parse("hub4j/github-api");
    /** A Friday in ISO week 2026-W48 (2026 starts on a Thursday, so W01 began on 2025-12-29). */
    static final Instant WEEK_48 = Instant.parse("2026-11-27T06:00:00Z");
    static final Instant WEEK_47 = Instant.parse("2026-11-20T06:00:00Z");
    static final String MARKER_48 = "<!-- repo-vitals:report:hub4j/github-api:2026-W48 -->";
    static final String MARKER_47 = "<!-- repo-vitals:report:hub4j/github-api:2026-W47 -->";
    static final String TITLE_48 = "Repository health: hub4j/github-api, week 2026-W48";
    static final String REPORT = "# Health\n\nScore 81 (B)\n";
    /** What GitHub answers an installation token on GET /user (not in the samples: hand-written from GitHub's docs). */
    static final String NOT_FOR_INTEGRATIONS = "{\"message\":\"Resource not accessible by integration\","
            + "\"documentation_url\":\"https://docs.github.com/rest/users/users#get-the-authenticated-user\"}";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private final ObjectMapper json = new ObjectMapper();

    private GitHubClients clients() {
        return TestClients.create(github, new FakeTime(WEEK_48));
    }

    private static ResponseDefinitionBuilder body(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "4990")
                .withHeader("X-RateLimit-Reset", "1795000000").withBody(body.toString());
    }

    private static void stubRepository() {
        github.stubFor(get(urlPathEqualTo(REPO_PATH)).willReturn(body(200, GitHubFake.restSample("repos-get.json"))));
    }

    private static void stubActionsToken() {
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(body(403, NOT_FOR_INTEGRATIONS)));
    }

    private static MappingBuilder issueList() {
        return get(urlPathEqualTo(REPO_PATH + "/issues")).withQueryParam("labels", equalTo("health-report"))
                .withQueryParam("state", equalTo("all")).withQueryParam("sort", equalTo("created"))
                .withQueryParam("direction", equalTo("desc")).withQueryParam("per_page", equalTo("10"));
    }

    private static void stubIssues(JsonNode... issues) {
        github.stubFor(issueList().willReturn(body(200, RestSamples.array(issues))));
    }

    private static void stubLabels(boolean exist) {
        for (String name : List.of("repo-vitals", "health-report")) {
            github.stubFor(get(urlPathEqualTo(REPO_PATH + "/labels/" + name)).willReturn(exist
                    ? body(200, IssueSamples.label(name)) : body(404, GitHubFake.restSample("error-404.json"))));
        }
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/labels")).willReturn(body(201, IssueSamples.label("any"))));
    }

    private static void stubCreate(JsonNode created) {
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/issues")).willReturn(body(201, created)));
    }

    private static void stubEdit(JsonNode edited) {
        github.stubFor(patch(urlPathEqualTo(REPO_PATH + "/issues/" + edited.path("number").asInt()))
                .willReturn(body(200, edited)));
    }

    private static void stubComment(int number) {
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/issues/" + number + "/comments"))
                .willReturn(body(201, IssueSamples.comment(number, "Superseded", BOT))));
    }

    private JsonNode sent(LoggedRequest request) throws Exception {
        return json.readTree(request.getBodyAsString());
    }

    @Test
    void should_open_one_issue_with_both_labels_on_the_first_run() throws Exception {
        stubRepository();
        stubIssues();
        stubLabels(false);
        stubCreate(issue(12, TITLE_48, MARKER_48 + "\n" + REPORT, BOT, true, "repo-vitals", "health-report"));
        GitHubClients clients = clients();

        PublishedIssue result = new IssuePublisher(clients, true).publish(REPO, WEEK_48, TITLE_48, REPORT);

        assertThat(result).isEqualTo(new PublishedIssue(12, URI.create("https://github.com/hub4j/github-api/issues/12"),
                PublishedIssue.Action.CREATED, OptionalInt.empty()));
        List<LoggedRequest> opened = github.findAll(postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues")));
        assertThat(opened).hasSize(1);
        JsonNode issue = sent(opened.get(0));
        assertThat(issue.path("title").asText()).isEqualTo("Repository health: hub4j/github-api, week 2026-W48");
        assertThat(issue.path("body").asText()).isEqualTo(
                "<!-- repo-vitals:report:hub4j/github-api:2026-W48 -->\n# Health\n\nScore 81 (B)\n");
        assertThat(issue.path("labels")).extracting(JsonNode::asText).containsExactly("repo-vitals", "health-report");
        List<LoggedRequest> labels = github.findAll(postRequestedFor(urlPathEqualTo(REPO_PATH + "/labels")));
        assertThat(labels).extracting(request -> sent(request).path("name").asText())
                .containsExactly("repo-vitals", "health-report");
        // repository 1 + issue list 1 + labels 2 GET and 2 POST + the issue 1; no GET /user (nothing to check).
        github.verify(0, getRequestedFor(urlPathEqualTo("/user")));
        assertThat(github.findAll(anyRequestedFor(anyUrl()))).hasSize(7);
        assertThat(clients.requests().rest()).isEqualTo(7);
    }

    /**
     * Two runs against one fake whose answers change as GitHub's would (WireMock scenarios): the
     * labels and the issue exist once the first run has created them.
     */
    @Test
    void should_open_once_then_edit_on_a_second_run_in_the_same_week() throws Exception {
        stubRepository();
        stubActionsToken();
        for (String name : List.of("repo-vitals", "health-report")) {
            github.stubFor(get(urlPathEqualTo(REPO_PATH + "/labels/" + name)).inScenario(name)
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(body(404, GitHubFake.restSample("error-404.json"))));
            github.stubFor(post(urlPathEqualTo(REPO_PATH + "/labels")).inScenario(name)
                    .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                    .willSetStateTo("created").willReturn(body(201, IssueSamples.label(name))));
            github.stubFor(get(urlPathEqualTo(REPO_PATH + "/labels/" + name)).inScenario(name)
                    .whenScenarioStateIs("created").willReturn(body(200, IssueSamples.label(name))));
        }
        JsonNode opened = issue(12, TITLE_48, MARKER_48 + "\n" + REPORT, BOT, true, "repo-vitals", "health-report");
        github.stubFor(issueList().inScenario("issue").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(body(200, "[]")));
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/issues")).inScenario("issue").willSetStateTo("opened")
                .willReturn(body(201, opened)));
        github.stubFor(issueList().inScenario("issue").whenScenarioStateIs("opened")
                .willReturn(body(200, RestSamples.array(opened))));
        String secondReport = "# Health\n\nScore 83 (B)\n";
        stubEdit(issue(12, TITLE_48, MARKER_48 + "\n" + secondReport, BOT, true, "repo-vitals", "health-report"));

        GitHubClients firstRun = clients();
        PublishedIssue first = new IssuePublisher(firstRun, true).publish(REPO, WEEK_48, TITLE_48, REPORT);
        // Later the same week (Sunday evening, still W48 in UTC), a new process.
        GitHubClients secondRun = clients();
        PublishedIssue second = new IssuePublisher(secondRun, true).publish(REPO, Instant.parse("2026-11-29T22:00:00Z"),
                TITLE_48, secondReport);

        assertThat(first.action()).isEqualTo(PublishedIssue.Action.CREATED);
        assertThat(second).isEqualTo(new PublishedIssue(12, first.url(), PublishedIssue.Action.UPDATED,
                OptionalInt.empty()));
        github.verify(1, postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues")));
        github.verify(2, postRequestedFor(urlPathEqualTo(REPO_PATH + "/labels")));
        List<LoggedRequest> edits = github.findAll(patchRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/12")));
        assertThat(edits).hasSize(1);
        assertThat(sent(edits.get(0)).path("body").asText()).isEqualTo(MARKER_48 + "\n" + secondReport);
        // First run: repository, list, 2 label GETs, 2 label POSTs, the issue. Second: repository, list, /user, edit.
        assertThat(firstRun.requests().rest()).isEqualTo(7);
        assertThat(secondRun.requests().rest()).isEqualTo(4);
    }

    @Test
    void should_edit_this_weeks_issue_when_run_again_in_the_same_week() throws Exception {
        stubRepository();
        stubActionsToken();
        String firstReport = MARKER_48 + "\n# Health\n\nScore 75 (C)\n";
        stubIssues(issue(12, TITLE_48, firstReport, BOT, true, "repo-vitals", "health-report"));
        stubEdit(issue(12, TITLE_48, MARKER_48 + "\n" + REPORT, BOT, true, "repo-vitals", "health-report"));
        GitHubClients clients = clients();

        PublishedIssue result = new IssuePublisher(clients, true).publish(REPO, WEEK_48, TITLE_48, REPORT);

        assertThat(result).isEqualTo(new PublishedIssue(12, URI.create("https://github.com/hub4j/github-api/issues/12"),
                PublishedIssue.Action.UPDATED, OptionalInt.empty()));
        List<LoggedRequest> edits = github.findAll(patchRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/12")));
        assertThat(edits).hasSize(1);
        // The title is unchanged, so only the body is sent (github-api sends one PATCH per field).
        assertThat(sent(edits.get(0)).path("body").asText()).isEqualTo(MARKER_48 + "\n" + REPORT);
        assertThat(sent(edits.get(0)).has("title")).isFalse();
        github.verify(0, postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues")));
        github.verify(0, getRequestedFor(urlPathMatching(REPO_PATH + "/labels/.*")));
        github.verify(0, postRequestedFor(urlPathEqualTo(REPO_PATH + "/labels")));
        // repository 1 + issue list 1 + GET /user 1 (is #12 ours?) + the edit 1.
        assertThat(clients.requests().rest()).isEqualTo(4);
    }

    @Test
    void should_open_next_weeks_issue_and_close_the_previous_one_with_a_link() throws Exception {
        stubRepository();
        stubActionsToken();
        stubLabels(true);
        stubIssues(issue(12, "Repository health: hub4j/github-api, week 2026-W47", MARKER_47 + "\n" + REPORT, BOT, true,
                "repo-vitals", "health-report"));
        stubCreate(issue(13, TITLE_48, MARKER_48 + "\n" + REPORT, BOT, true, "repo-vitals", "health-report"));
        stubComment(12);
        stubEdit(issue(12, "Repository health: hub4j/github-api, week 2026-W47", MARKER_47 + "\n" + REPORT, BOT, false,
                "repo-vitals", "health-report"));
        GitHubClients clients = clients();

        PublishedIssue result = new IssuePublisher(clients, true).publish(REPO, WEEK_48, TITLE_48, REPORT);

        assertThat(result).isEqualTo(new PublishedIssue(13, URI.create("https://github.com/hub4j/github-api/issues/13"),
                PublishedIssue.Action.CREATED, OptionalInt.of(12)));
        List<LoggedRequest> comments = github.findAll(postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/12/comments")));
        assertThat(comments).hasSize(1);
        assertThat(sent(comments.get(0)).path("body").asText()).isEqualTo(
                "Superseded by [#13](https://github.com/hub4j/github-api/issues/13), the report for week 2026-W48.");
        List<LoggedRequest> closes = github.findAll(patchRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/12")));
        assertThat(closes).hasSize(1);
        assertThat(sent(closes.get(0)).path("state").asText()).isEqualTo("closed");
        // The labels exist: fetched, not created again.
        github.verify(2, getRequestedFor(urlPathMatching(REPO_PATH + "/labels/.*")));
        github.verify(0, postRequestedFor(urlPathEqualTo(REPO_PATH + "/labels")));
        // repository 1 + list 1 + /user 1 + labels 2 + new issue 1 + comment 1 + close 1.
        assertThat(clients.requests().rest()).isEqualTo(8);
    }

    @Test
    void should_leave_the_previous_issue_open_when_close_previous_is_false() {
        stubRepository();
        stubActionsToken();
        stubLabels(true);
        stubIssues(issue(12, "Repository health: hub4j/github-api, week 2026-W47", MARKER_47 + "\n" + REPORT, BOT, true,
                "repo-vitals", "health-report"));
        stubCreate(issue(13, TITLE_48, MARKER_48 + "\n" + REPORT, BOT, true, "repo-vitals", "health-report"));
        GitHubClients clients = clients();

        PublishedIssue result = new IssuePublisher(clients, false).publish(REPO, WEEK_48, TITLE_48, REPORT);

        assertThat(result.action()).isEqualTo(PublishedIssue.Action.CREATED);
        assertThat(result.closedPrevious()).isEmpty();
        github.verify(0, postRequestedFor(urlPathMatching(REPO_PATH + "/issues/12/comments")));
        github.verify(0, patchRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/12")));
        // repository 1 + list 1 + /user 1 + labels 2 + new issue 1.
        assertThat(clients.requests().rest()).isEqualTo(6);
    }

    @Test
    void should_not_close_a_previous_issue_someone_already_closed() {
        stubRepository();
        stubActionsToken();
        stubLabels(true);
        stubIssues(issue(12, "Repository health: hub4j/github-api, week 2026-W47", MARKER_47 + "\n" + REPORT, BOT, false,
                "repo-vitals", "health-report"));
        stubCreate(issue(13, TITLE_48, MARKER_48 + "\n" + REPORT, BOT, true, "repo-vitals", "health-report"));

        PublishedIssue result = new IssuePublisher(clients(), true).publish(REPO, WEEK_48, TITLE_48, REPORT);

        assertThat(result.closedPrevious()).isEmpty();
        github.verify(0, postRequestedFor(urlPathMatching(REPO_PATH + "/issues/12/comments")));
        github.verify(0, patchRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/12")));
    }

    @Test
    void should_leave_alone_issues_that_only_quote_the_marker() {
        stubRepository();
        stubActionsToken();
        stubLabels(true);
        stubIssues(
                // Another user's issue, labelled by a maintainer, whose first line is this week's marker.
                issue(30, "Our report is wrong", MARKER_48 + "\nsee above", "mallory", true, "health-report"),
                // A pull request by a bot with the marker.
                IssueSamples.asPullRequest(issue(29, "Bump", MARKER_48 + "\n", "dependabot[bot]", true, "health-report")),
                // Our own bot, but the marker quoted below the first line.
                issue(28, "Question", "About the report:\n" + MARKER_48, BOT, true, "health-report"),
                // The marker with a leading space is not the whole line.
                issue(27, "Copy", " " + MARKER_48 + "\n", BOT, true, "health-report"),
                // Another repository's report (say, one transferred here).
                issue(26, "Other", "<!-- repo-vitals:report:hub4j/other:2026-W48 -->\n", BOT, true, "health-report"));
        stubCreate(issue(31, TITLE_48, MARKER_48 + "\n" + REPORT, BOT, true, "repo-vitals", "health-report"));
        GitHubClients clients = clients();

        PublishedIssue result = new IssuePublisher(clients, true).publish(REPO, WEEK_48, TITLE_48, REPORT);

        assertThat(result.number()).isEqualTo(31);
        assertThat(result.action()).isEqualTo(PublishedIssue.Action.CREATED);
        github.verify(0, patchRequestedFor(urlPathMatching(REPO_PATH + "/issues/.*")));
        github.verify(0, postRequestedFor(urlPathMatching(REPO_PATH + "/issues/.*/comments")));
        // GET /user once, for the only candidate that passed the cheaper checks (mallory's).
        github.verify(1, getRequestedFor(urlPathEqualTo("/user")));
        assertThat(clients.requests().rest()).isEqualTo(6);
    }

    @Test
    void should_trust_only_the_token_user_with_a_personal_token() throws Exception {
        stubRepository();
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(body(200, IssueSamples.user("octo-maintainer"))));
        stubIssues(issue(41, TITLE_48, MARKER_48 + "\nold", BOT, true, "repo-vitals", "health-report"),
                issue(40, TITLE_48, MARKER_48 + "\nolder", "Octo-Maintainer", true, "repo-vitals", "health-report"));
        stubEdit(issue(40, TITLE_48, MARKER_48 + "\n" + REPORT, "octo-maintainer", true, "repo-vitals", "health-report"));

        PublishedIssue result = new IssuePublisher(clients(), true).publish(REPO, WEEK_48, TITLE_48, REPORT);

        // Logins ignore case; the bot's issue is not this token's.
        assertThat(result.number()).isEqualTo(40);
        assertThat(result.action()).isEqualTo(PublishedIssue.Action.UPDATED);
        github.verify(0, patchRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/41")));
        github.verify(1, getRequestedFor(urlPathEqualTo("/user")));
    }

    @Test
    void should_find_the_week_53_issue_again_on_new_years_day() throws Exception {
        stubRepository();
        stubActionsToken();
        String marker53 = "<!-- repo-vitals:report:hub4j/github-api:2026-W53 -->";
        String title53 = "Repository health: hub4j/github-api, week 2026-W53";
        stubIssues(issue(50, title53, marker53 + "\n# Health\n", BOT, true, "repo-vitals", "health-report"));
        stubEdit(issue(50, title53, marker53 + "\n" + REPORT, BOT, true, "repo-vitals", "health-report"));
        Instant newYearsDay = Instant.parse("2027-01-01T09:00:00Z");

        assertThat(IssuePublisher.title(REPO, newYearsDay)).isEqualTo(title53);
        PublishedIssue result = new IssuePublisher(clients(), true).publish(REPO, newYearsDay,
                IssuePublisher.title(REPO, newYearsDay), REPORT);

        assertThat(result.number()).isEqualTo(50);
        assertThat(result.action()).isEqualTo(PublishedIssue.Action.UPDATED);
        List<LoggedRequest> edits = github.findAll(patchRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/50")));
        assertThat(edits).hasSize(1);
        assertThat(sent(edits.get(0)).path("body").asText()).startsWith(marker53 + "\n");
    }

    @Test
    void should_page_only_until_it_meets_an_earlier_week() {
        stubRepository();
        stubActionsToken();
        String next = "<" + github.baseUrl() + "/repositories/617210/issues?labels=health-report&state=all"
                + "&sort=created&direction=desc&per_page=10&page=%d>; rel=\"next\"";
        // Run with an as-of in W47: page 1 holds W48's report, page 2 W47's and W46's, page 3 is never needed.
        github.stubFor(issueList().willReturn(body(200, RestSamples.array(
                issue(13, TITLE_48, MARKER_48 + "\n", BOT, true, "health-report"))).withHeader("Link", next.formatted(2))));
        github.stubFor(get(urlPathEqualTo("/repositories/617210/issues")).withQueryParam("page", equalTo("2"))
                .willReturn(body(200, RestSamples.array(
                        issue(12, "w47", MARKER_47 + "\n", BOT, true, "health-report"),
                        issue(11, "w46", "<!-- repo-vitals:report:hub4j/github-api:2026-W46 -->\n", BOT, true,
                                "health-report"))).withHeader("Link", next.formatted(3))));
        stubEdit(issue(12, "w47", MARKER_47 + "\n" + REPORT, BOT, true, "health-report"));
        GitHubClients clients = clients();

        PublishedIssue result = new IssuePublisher(clients, true).publish(REPO, WEEK_47,
                IssuePublisher.title(REPO, WEEK_47), REPORT);

        assertThat(result.number()).isEqualTo(12);
        github.verify(1, getRequestedFor(urlPathEqualTo("/repositories/617210/issues")));
        // repository 1 + pages 2 + /user 1 + edit 2 (title and body both changed).
        assertThat(clients.requests().rest()).isEqualTo(6);
    }

    @Test
    void should_name_the_missing_permission_when_github_refuses_to_open_the_issue() {
        stubRepository();
        stubLabels(true);
        stubIssues();
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/issues")).willReturn(body(403, NOT_FOR_INTEGRATIONS)));

        assertThatThrownBy(() -> new IssuePublisher(clients(), true).publish(REPO, WEEK_48, TITLE_48, REPORT))
                .isInstanceOfSatisfying(GitHubException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GitHubException.Kind.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("opening an issue in hub4j/github-api: the token may not write"
                            + " issues (HTTP 403); grant it 'issues: write' (workflow permissions) or use a token with"
                            + " access to hub4j/github-api");
                });
        // A permission is not retried.
        github.verify(1, postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues")));
    }

    @Test
    void should_name_the_missing_permission_when_github_refuses_to_create_a_label() {
        stubRepository();
        stubLabels(false);
        stubIssues();
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/labels")).willReturn(body(403, NOT_FOR_INTEGRATIONS)));

        assertThatThrownBy(() -> new IssuePublisher(clients(), true).publish(REPO, WEEK_48, TITLE_48, REPORT))
                .isInstanceOf(GitHubException.class)
                .hasMessageStartingWith("creating label 'repo-vitals' in hub4j/github-api: the token may not write issues")
                .hasMessageContaining("'issues: write'")
                .hasMessageNotContaining(GitHubFake.TOKEN);
        github.verify(0, postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues")));
    }

    @Test
    void should_go_on_when_another_job_created_the_label_first() {
        stubRepository();
        stubIssues();
        stubLabels(false);
        // GitHub's answer to creating a label that exists (422, "already_exists"); hand-written, not in the samples.
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/labels")).willReturn(body(422, "{\"message\":\"Validation Failed\","
                + "\"errors\":[{\"resource\":\"Label\",\"code\":\"already_exists\",\"field\":\"name\"}],"
                + "\"documentation_url\":\"https://docs.github.com/rest/issues/labels#create-a-label\"}")));
        stubCreate(issue(12, TITLE_48, MARKER_48 + "\n" + REPORT, BOT, true, "repo-vitals", "health-report"));

        PublishedIssue result = new IssuePublisher(clients(), true).publish(REPO, WEEK_48, TITLE_48, REPORT);

        assertThat(result.number()).isEqualTo(12);
        github.verify(2, postRequestedFor(urlPathEqualTo(REPO_PATH + "/labels")));
    }

    @Test
    void should_accept_a_report_of_exactly_the_room_left_beside_the_marker() throws Exception {
        // 65,536 less the 53-character marker line for hub4j/github-api and its line break.
        assertThat(IssuePublisher.maxReportLength(REPO)).isEqualTo(65_482);
        stubRepository();
        stubIssues();
        stubLabels(true);
        stubCreate(issue(12, TITLE_48, MARKER_48, BOT, true, "repo-vitals", "health-report"));

        new IssuePublisher(clients(), true).publish(REPO, WEEK_48, TITLE_48, "x".repeat(65_482));

        LoggedRequest opened = github.findAll(postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues"))).get(0);
        assertThat(sent(opened).path("body").asText()).hasSize(65_536);
    }

    @Test
    void should_refuse_a_report_one_character_too_long_before_any_request() {
        assertThatThrownBy(() -> new IssuePublisher(clients(), true).publish(REPO, WEEK_48, TITLE_48, "x".repeat(65_483)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the report for hub4j/github-api has 65483 characters; an issue holds 65482 beside the"
                        + " marker line: cut it to maxReportLength and link the full report");
        assertThat(github.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
