package io.repovitals.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run} on a pull_request event with {@code publish: pr-comment}, end to end: the event names PR #42,
 * one GraphQL request reads it (fixture pull-request-one-made-ready.json: "Parse config lazily | fast @team" by
 * alice, ready 11-17 10:00, reviewed by bob on 11-18), the sticky comment is created, and nothing is collected
 * or stored (the history remote is only read).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunPrCommentTest {
    static final String REPO_PATH = "/repos/hub4j/github-api";

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
    void should_comment_on_the_events_pull_request_without_collecting_or_storing() throws Exception {
        github.stubFor(GitHubFake.graphql("hub4j", "github-api").withRequestBody(containing("query PullRequestOne("))
                .willReturn(GitHubFake.json("github/graphql/pull-request-one-made-ready.json")));
        github.stubFor(get(urlPathEqualTo(REPO_PATH)).willReturn(body(200, GitHubFake.restSample("repos-get.json"))));
        ObjectNode issue = RestSamples.sample("issues-list.json").get(1).deepCopy();
        issue.put("number", 42);
        github.stubFor(get(urlPathEqualTo(REPO_PATH + "/issues/42")).willReturn(body(200, issue)));
        github.stubFor(get(urlPathEqualTo(REPO_PATH + "/issues/42/comments")).willReturn(body(200, RestSamples.array())));
        ObjectNode created = RestSamples.sample("issue-comments.json").get(0).deepCopy();
        created.put("id", 990_001L).put("html_url", "https://github.com/hub4j/github-api/pull/42#issuecomment-990001");
        ((ObjectNode) created.path("user")).put("login", "github-actions[bot]").put("type", "Bot");
        github.stubFor(post(urlPathEqualTo(REPO_PATH + "/issues/42/comments")).willReturn(body(201, created)));
        Path remote = OrgHistories.bareRemote(workDir.resolve("history.git"));
        Path event = workDir.resolve("event.json");
        Files.copy(Path.of(getClass().getResource("/github/events/pull_request-opened.json").toURI()), event);

        CliRun run = CliRun.run(Map.of("GITHUB_API_URL", github.baseUrl(), "GITHUB_TOKEN", GitHubFake.TOKEN,
                        "GITHUB_REPOSITORY", "hub4j/github-api", "GITHUB_EVENT_NAME", "pull_request",
                        "GITHUB_EVENT_PATH", event.toString()), workDir,
                "run", "--as-of", "2026-11-20T00:00:00Z", "--history-remote", remote.toString(), "--publish", "pr-comment");

        assertThat(run.exitCode()).as(run.all()).isZero();
        List<LoggedRequest> posted = github.findAll(postRequestedFor(urlPathEqualTo(REPO_PATH + "/issues/42/comments")));
        assertThat(posted).hasSize(1);
        String comment = new ObjectMapper().readTree(posted.get(0).getBodyAsString()).path("body").asText();
        assertThat(comment).startsWith(PrCommentPublisher.MARKER + "\n");
        // The title's pipe and mention are escaped. The first qualifying review is carol's, 11-18 16:00 (alice's own,
        // the bot's and the PENDING one do not count): 30 h after ready (11-17 10:00). Opened 11-16 08:00, so 88 h
        // (3 d 16 h) to merge so far at asOf; 120 + 30 lines in 6 files; 2 qualifying reviews (carol, bob).
        assertThat(comment).contains("#42: Parse config lazily \\| fast").doesNotContain("@team");
        assertThat(comment).contains("| time to first review | 30 h |", "| time to merge so far | 3 d 16 h |",
                "| size | 150 lines, 6 files |", "| reviews | 2 |");
        assertThat(Files.readString(workDir.resolve("repo-vitals-out/pr-comment.md"))).isEqualTo(comment.substring(
                PrCommentPublisher.MARKER.length() + 1));
        // Nothing was collected (one GraphQL request: the PR) and the history branch was not created.
        github.verify(1, postRequestedFor(urlPathEqualTo("/graphql")));
        github.verify(0, anyRequestedFor(urlPathMatching(".*/actions/runs.*")));
        try (org.eclipse.jgit.lib.Repository bare = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(remote.toFile()).build()) {
            assertThat(bare.exactRef("refs/heads/repo-vitals-data")).isNull();
        }
        assertThat(run.all()).doesNotContain(GitHubFake.TOKEN);
    }
}
