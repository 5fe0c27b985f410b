package io.repovitals.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.repovitals.CliRun;
import io.repovitals.GitHubFake;
import io.repovitals.OrgHistories;
import io.repovitals.RestSamples;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.repovitals.publish.IssueSamples.BOT;
import static io.repovitals.publish.IssueSamples.REPO_PATH;
import static io.repovitals.publish.IssueSamples.issue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run} end to end with {@code publish: issue}: collected, stored, rendered, and the weekly report
 * sent as the issue body under its marker, with {@code issue-url} set. The token is an Actions
 * GITHUB_TOKEN (GET /user answers 403); CliRun's clock gives ISO week 2026-W47.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunIssueTest {
    static final String MARKER_47 = "<!-- repo-vitals:report:hub4j/github-api:2026-W47 -->";
    static final String TITLE_47 = "Repository health: hub4j/github-api, week 2026-W47";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    @TempDir
    Path workDir;

    private static ResponseDefinitionBuilder body(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString());
    }

    @Test
    void should_open_the_weeks_issue_with_the_rendered_report_under_its_marker() throws Exception {
        github.stubFor(GitHubFake.graphql("hub4j", "github-api").willReturn(GitHubFake.json("github/graphql/repo-state-quiet.json")));
        GitHubFake.quietRestOfRepository(github, "hub4j", "github-api");
        github.stubFor(get(urlPathEqualTo(REPO_PATH)).willReturn(body(200, GitHubFake.restSample("repos-get.json"))));
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(body(403, "{\"message\":\"Resource not accessible by integration\"}")));
        github.stubFor(get(urlPathEqualTo(REPO_PATH + "/issues")).withQueryParam("labels", equalTo("health-report"))
                .willReturn(body(200, RestSamples.array())));
        for (String name : List.of("repo-vitals", "health-report")) {
            github.stubFor(get(urlPathEqualTo(REPO_PATH + "/labels/" + name)).willReturn(body(200, IssueSamples.label(name))));
        }
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/issues")).willReturn(body(201,
                issue(77, TITLE_47, MARKER_47 + "\nreport", BOT, true, "repo-vitals", "health-report"))));
        Path remote = OrgHistories.bareRemote(workDir.resolve("history.git"));
        Path outputs = workDir.resolve("outputs.txt");

        CliRun run = CliRun.run(Map.of("GITHUB_API_URL", github.baseUrl(), "GITHUB_TOKEN", GitHubFake.TOKEN,
                        "GITHUB_OUTPUT", outputs.toString()), workDir,
                "run", "--repositories", "hub4j/github-api", "--as-of", "2026-11-20T00:00:00Z", "--backfill-days", "0",
                "--history-remote", remote.toString(), "--publish", "issue", "--charts", "mermaid");

        assertThat(run.exitCode()).as(run.all()).isZero();
        List<LoggedRequest> opened = github.findAll(postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues")));
        assertThat(opened).hasSize(1);
        JsonNode sent = new ObjectMapper().readTree(opened.get(0).getBodyAsString());
        assertThat(sent.path("title").asText()).isEqualTo(TITLE_47);
        String issueBody = sent.path("body").asText();
        // The marker is the whole first line; then the weekly report. A first day without backfill has
        // one point per metric: nothing to draw yet, so no charts section.
        assertThat(issueBody).startsWith(MARKER_47 + "\n");
        assertThat(issueBody).contains("## repo-vitals: hub4j/github-api, week 2026-W47").doesNotContain("### Charts");
        assertThat(issueBody.length()).isLessThanOrEqualTo(65_536);
        assertThat(sent.path("labels")).extracting(JsonNode::asText).containsExactly("repo-vitals", "health-report");
        // report.md in output-dir is the same weekly report (one repository, no organisation part).
        assertThat(Files.readString(workDir.resolve("repo-vitals-out/report.md")).strip())
                .isEqualTo(issueBody.substring(MARKER_47.length() + 1).strip());
        assertThat(Files.readAllLines(outputs)).contains("issue-url=https://github.com/hub4j/github-api/issues/77");
        assertThat(run.all()).doesNotContain(GitHubFake.TOKEN);
    }
}
