package io.repovitals.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.repovitals.CliRun;
import io.repovitals.FakeTime;
import io.repovitals.GitHubFake;
import io.repovitals.OrgHistories;
import io.repovitals.RestSamples;
import io.repovitals.TestClients;
import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.repovitals.publish.IssueSamples.BOT;
import static io.repovitals.publish.IssueSamples.REPO_PATH;
import static io.repovitals.publish.IssueSamples.issue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation report issue of {@code merge} against a WireMock GitHub serving bodies derived from the
 * recorded samples: opened in the workflow's repository under its own marker, beside (never instead of)
 * that repository's own weekly report issue. The token is an Actions GITHUB_TOKEN (GET /user answers 403).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrgReportIssueTest {
    static final RepoRef REPO = RepoRef.parse("hub4j/github-api");
    /** CliRun's clock, 2026-11-20: ISO week 2026-W47. */
    static final Instant WEEK_47 = Instant.parse("2026-11-20T00:05:00Z");
    static final String ORG_MARKER_47 = "<!-- repo-vitals:org-report:my-org:2026-W47 -->";
    static final String ORG_TITLE_47 = "Organisation health: my-org, week 2026-W47";
    static final String REPOSITORY_MARKER_47 = "<!-- repo-vitals:report:hub4j/github-api:2026-W47 -->";
    static final String NOT_FOR_INTEGRATIONS = "{\"message\":\"Resource not accessible by integration\","
            + "\"documentation_url\":\"https://docs.github.com/rest/users/users#get-the-authenticated-user\"}";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    @TempDir
    Path workDir;

    private final ObjectMapper json = new ObjectMapper();

    private static ResponseDefinitionBuilder body(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "4990")
                .withHeader("X-RateLimit-Reset", "1795000000").withBody(body.toString());
    }

    private static MappingBuilder issueList() {
        return get(urlPathEqualTo(REPO_PATH + "/issues")).withQueryParam("labels", equalTo("health-report"))
                .withQueryParam("state", equalTo("all")).withQueryParam("sort", equalTo("created"))
                .withQueryParam("direction", equalTo("desc")).withQueryParam("per_page", equalTo("10"));
    }

    private static void stubRepositoryAndToken(JsonNode... issues) {
        github.stubFor(get(urlPathEqualTo(REPO_PATH)).willReturn(body(200, GitHubFake.restSample("repos-get.json"))));
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(body(403, NOT_FOR_INTEGRATIONS)));
        github.stubFor(issueList().willReturn(body(200, RestSamples.array(issues))));
        for (String name : List.of("repo-vitals", "health-report")) {
            github.stubFor(get(urlPathEqualTo(REPO_PATH + "/labels/" + name)).willReturn(body(200, IssueSamples.label(name))));
        }
    }

    @Test
    void should_open_the_org_issue_with_its_marker_when_this_week_has_only_the_repository_weekly_issue() throws Exception {
        // This week's weekly report of the repository itself: the org report must not edit it.
        stubRepositoryAndToken(issue(40, "Repository health: hub4j/github-api, week 2026-W47",
                REPOSITORY_MARKER_47 + "\nweekly", BOT, true, "repo-vitals", "health-report"));
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/issues")).willReturn(body(201,
                issue(41, ORG_TITLE_47, ORG_MARKER_47 + "\norg", BOT, true, "repo-vitals", "health-report"))));

        PublishedIssue published = new IssuePublisher(TestClients.create(github, new FakeTime(WEEK_47)), true)
                .publishOrganisation(REPO, OrgReportMarker.of("my-org", WEEK_47), "org");

        assertThat(published).isEqualTo(new PublishedIssue(41, URI.create("https://github.com/hub4j/github-api/issues/41"),
                PublishedIssue.Action.CREATED, OptionalInt.empty()));
        github.verify(0, patchRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/40")));
        JsonNode sent = json.readTree(github.findAll(postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues"))).get(0)
                .getBodyAsString());
        assertThat(sent.path("title").asText()).isEqualTo(ORG_TITLE_47);
        assertThat(sent.path("body").asText()).isEqualTo(ORG_MARKER_47 + "\norg");
    }

    @Test
    void should_edit_this_weeks_org_issue_and_leave_the_repository_weekly_issue_alone() throws Exception {
        stubRepositoryAndToken(
                issue(41, ORG_TITLE_47, ORG_MARKER_47 + "\nold", BOT, true, "repo-vitals", "health-report"),
                issue(40, "Repository health: hub4j/github-api, week 2026-W47",
                        REPOSITORY_MARKER_47 + "\nweekly", BOT, true, "repo-vitals", "health-report"));
        github.stubFor(patch(urlPathEqualTo(REPO_PATH + "/issues/41")).willReturn(body(200,
                issue(41, ORG_TITLE_47, ORG_MARKER_47 + "\nnew", BOT, true, "repo-vitals", "health-report"))));

        PublishedIssue published = new IssuePublisher(TestClients.create(github, new FakeTime(WEEK_47)), true)
                .publishOrganisation(REPO, OrgReportMarker.of("my-org", WEEK_47), "new");

        assertThat(published.action()).isEqualTo(PublishedIssue.Action.UPDATED);
        assertThat(published.number()).isEqualTo(41);
        List<LoggedRequest> edits = github.findAll(patchRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/41")));
        assertThat(edits).hasSize(1);
        assertThat(json.readTree(edits.get(0).getBodyAsString()).path("body").asText()).isEqualTo(ORG_MARKER_47 + "\nnew");
        github.verify(0, patchRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/40")));
        github.verify(0, postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues")));
    }

    @Test
    void should_publish_the_merged_report_as_the_org_issue_of_the_workflow_repository() throws Exception {
        Path remote = OrgHistories.bareRemote(workDir.resolve("history.git"));
        OrgHistories.storeSharded(remote, OrgHistories.repositories(), 4);
        stubRepositoryAndToken();
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/issues")).willReturn(body(201,
                issue(41, ORG_TITLE_47, ORG_MARKER_47 + "\norg", BOT, true, "repo-vitals", "health-report"))));
        Path outputs = workDir.resolve("outputs.txt");

        CliRun run = CliRun.run(Map.of("GITHUB_API_URL", github.baseUrl(), "GITHUB_REPOSITORY", "hub4j/github-api",
                        "GITHUB_TOKEN", GitHubFake.TOKEN, "GITHUB_OUTPUT", outputs.toString()), workDir,
                "merge", "--organizations", "my-org", "--history-remote", remote.toString(), "--publish", "issue");

        assertThat(run.exitCode()).as(run.all()).isZero();
        List<LoggedRequest> opened = github.findAll(postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues")));
        assertThat(opened).hasSize(1);
        JsonNode sent = json.readTree(opened.get(0).getBodyAsString());
        String report = Files.readString(workDir.resolve("repo-vitals-out/report.md"));
        assertThat(sent.path("title").asText()).isEqualTo(ORG_TITLE_47);
        assertThat(sent.path("body").asText()).isEqualTo(ORG_MARKER_47 + "\n" + report);
        assertThat(sent.path("labels")).extracting(JsonNode::asText).containsExactly("repo-vitals", "health-report");
        assertThat(report).startsWith("## repo-vitals: organisation report, 30 repositories");
        assertThat(Files.readAllLines(outputs)).contains("issue-url=https://github.com/hub4j/github-api/issues/41",
                "report-path=" + workDir.resolve("repo-vitals-out/report.md"));
        assertThat(run.all()).doesNotContain(GitHubFake.TOKEN);
    }
}
