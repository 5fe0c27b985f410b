package io.repovitals.collect;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.FakeTime;
import io.repovitals.GitHubFake;
import io.repovitals.TestClients;
import io.repovitals.config.DoraSource;
import io.repovitals.github.GitHubClients;
import io.repovitals.model.RepoRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.repovitals.RestSamples.array;
import static io.repovitals.RestSamples.release;
import static io.repovitals.RestSamples.run;
import static io.repovitals.RestSamples.runsPage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Deployments dataset from each dora-source. Source deployments: hand-written GraphQL answers in
 * src/test/resources/github/graphql/deployment*.json shaped per src/test/resources/github/schema.graphql
 * (Repository.deployments, Deployment.statuses, DeploymentStatusState). Releases are copies of
 * src/test/resources/github/rest-samples/releases.json with the named fields edited. Expected values by hand.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeploymentsCollectorTest {
    static final RepoRef REPO = RepoRef.parse("octo-org/widgets");
    static final Instant SINCE = Instant.parse("2026-11-13T00:00:00Z");
    static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    static final String BASE = "/repos/octo-org/widgets";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private final FakeTime time = new FakeTime(AS_OF);

    private static void stub(String path, String body) {
        github.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static MappingBuilder operation(String name) {
        return post(urlPathEqualTo("/graphql")).withHeader("Authorization", equalTo("bearer " + GitHubFake.TOKEN))
                .withRequestBody(matchingJsonPath("$.query", containing("query " + name + "(")));
    }

    @Test
    void should_time_production_deployments_at_their_deciding_status_and_keep_the_last_success_before_since() {
        // deployments-week.json, newest first: 5 created in [since - 7 days, asOf], then 11-01 and 10-30. A success
        // is in range and none before since has been seen at 11-01, older than the lookback, so reading goes on
        // (up to 90 days before since): 11-01 succeeded at 11-01T00:04, the anchor, so reading now stops at the
        // first deployment created more than 7 days before it (10-25T00:04): 10-30 is read, page 2's 10-24 is not.
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(matchingJsonPath("$.query", containing("query Deployments(")))
                .withRequestBody(matchingJsonPath("$.variables.environment", equalTo("production")))
                .withRequestBody(matchingJsonPath("$.variables.after", absent()))
                .willReturn(GitHubFake.json("github/graphql/deployments-week.json")));
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(matchingJsonPath("$.query", containing("query Deployments(")))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo("Y3Vyc29yOnYyOpK5MjAyNi0xMC0zMFQwMDowMDowMFo=")))
                .willReturn(GitHubFake.json("github/graphql/deployments-week-page2.json")));
        GitHubClients clients = TestClients.create(github, time);

        Deployments deployments = new DeploymentsCollector().fetch(clients, REPO, SINCE, AS_OF, Optional.of("main"));

        assertThat(deployments.source()).isEqualTo("deployments");
        // Statuses of ...0aB and ...0aC are listed newest first, the others oldest first: sorted by createdAt.
        // ...0aF: SUCCESS after asOf, PENDING at asOf -> out; ...0aB: SUCCESS at 11-19T10:05 -> in;
        // ...0aE: only QUEUED -> out; ...0aC: INACTIVE (listed first) is skipped, FAILURE at 11-16T09:10 decides;
        // ...0aD: created before since, ERROR exactly at since -> in, failed; 11-01: the anchor, in;
        // 10-30 (success at 10-30T00:03): before the anchor, out.
        assertThat(deployments.items()).containsExactly(
                new Deployments.Deployment(Instant.parse("2026-11-01T00:04:00Z"), false),
                new Deployments.Deployment(Instant.parse("2026-11-13T00:00:00Z"), true),
                new Deployments.Deployment(Instant.parse("2026-11-16T09:10:00Z"), true),
                new Deployments.Deployment(Instant.parse("2026-11-19T10:05:00Z"), false));
        assertThat(deployments.coveredFrom()).isEqualTo(Instant.parse("2026-11-01T00:04:00Z"));
        assertThat(deployments.mergedPullRequestsNeededSince(SINCE, AS_OF)).isEqualTo(Instant.parse("2026-11-01T00:04:00Z"));
        // Two requests for the pages of deployments with their statuses (over REST: 1 list + a statuses list each).
        assertThat(clients.requests().total()).isEqualTo(2);
        github.verify(0, getRequestedFor(urlPathMatching(".*/deployments.*")));
    }

    @Test
    void should_stop_at_the_lookback_when_nothing_succeeded_in_range() {
        // The same page with the range moved so that only ...0aF (SUCCESS 11-20T00:30, after this asOf) and
        // ...0aB (SUCCESS 11-19T10:05) fall after since 11-19T12:00: nothing succeeded in [since, asOf], so no
        // lead time can be had and no anchor is looked for: reading stops at 11-01 (more than 7 days before since).
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(matchingJsonPath("$.query", containing("query Deployments(")))
                .withRequestBody(matchingJsonPath("$.variables.after", absent()))
                .willReturn(GitHubFake.json("github/graphql/deployments-week.json")));
        GitHubClients clients = TestClients.create(github, time);
        Instant since = Instant.parse("2026-11-19T12:00:00Z");

        Deployments deployments = new DeploymentsCollector().fetch(clients, REPO, since, AS_OF, Optional.of("main"));

        assertThat(deployments.items()).isEmpty();
        assertThat(deployments.coveredFrom()).isEqualTo(since);
        assertThat(deployments.mergedPullRequestsNeededSince(since, AS_OF)).isEqualTo(since);
        assertThat(clients.requests().total()).isEqualTo(1);
    }

    @Test
    void should_read_the_configured_environment() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(matchingJsonPath("$.query", containing("query Deployments(")))
                .withRequestBody(matchingJsonPath("$.variables.environment", equalTo("prod-eu")))
                .willReturn(GitHubFake.json("github/graphql/deployments-prod-eu.json")));
        GitHubClients clients = TestClients.create(github, time);

        Deployments deployments = new DeploymentsCollector(new DoraSource.Deployments(), "prod-eu",
                DeploymentsCollector.DEFAULT_LOOKBACK).fetch(clients, REPO, SINCE, AS_OF, Optional.of("main"));

        assertThat(deployments.items()).containsExactly(new Deployments.Deployment(Instant.parse("2026-11-18T00:02:00Z"), false));
        assertThat(clients.requests().total()).isEqualTo(1);
    }

    @Test
    void should_page_the_statuses_of_a_deployment_with_more_than_came_with_it() {
        // deployments-long-rollout.json: ...0cA succeeded at 11-17T12:03; ...0cL has 23 statuses (totalCount), 20 of
        // them (QUEUED, then IN_PROGRESS up to 10:19) in the page; the other 3 end with FAILURE at 11-15T10:22.
        github.stubFor(GitHubFake.graphql("octo-org", "widgets")
                .withRequestBody(matchingJsonPath("$.query", containing("query Deployments(")))
                .willReturn(GitHubFake.json("github/graphql/deployments-long-rollout.json")));
        github.stubFor(operation("DeploymentStatuses")
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("DE_kwDOAbCdEs4Ht0cL")))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo("Y3Vyc29yOnYyOpHOBdcL")))
                .willReturn(GitHubFake.json("github/graphql/deployment-statuses-long-rollout.json")));
        GitHubClients clients = TestClients.create(github, time);

        Deployments deployments = new DeploymentsCollector().fetch(clients, REPO, SINCE, AS_OF, Optional.of("main"));

        assertThat(deployments.items()).containsExactly(
                new Deployments.Deployment(Instant.parse("2026-11-15T10:22:00Z"), true),
                new Deployments.Deployment(Instant.parse("2026-11-17T12:03:00Z"), false));
        // the page, and one follow-up for the one deployment that overflowed
        assertThat(clients.requests().total()).isEqualTo(2);
        github.verify(1, postRequestedFor(urlPathEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.query", containing("query DeploymentStatuses("))));
    }

    @Test
    void should_leave_deployments_absent_when_github_answers_with_errors() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":{\"repository\":null},\"errors\":"
                        + "[{\"type\":\"NOT_FOUND\",\"path\":[\"repository\"],"
                        + "\"message\":\"Could not resolve to a Repository with the name 'octo-org/widgets'.\"}]}")));
        GitHubClients clients = TestClients.create(github, time);

        Datasets data = new Datasets().fetch(Deployments.class,
                () -> new DeploymentsCollector().fetch(clients, REPO, SINCE, AS_OF, Optional.of("main")));

        assertThat(data.get(Deployments.class)).isEmpty();
        assertThat(data.absentReason(Deployments.class)).isEqualTo("GitHub's GraphQL API answered deployments of "
                + "octo-org/widgets with an error (NOT_FOUND: Could not resolve to a Repository with the name 'octo-org/widgets'.)");
    }

    @Test
    void should_take_published_releases_that_are_neither_drafts_nor_prereleases() {
        // releases.json: v2.12.8 published 2019-10-03T00:57:23Z ... v2.12.4 created 09-06, published 2019-09-08T08:04:19Z.
        stub(BASE + "/releases", array(
                release(0),
                release(1).put("draft", true).putNull("published_at"),
                release(2).put("prerelease", true),
                release(3),
                release(4)));
        Instant since = Instant.parse("2019-09-08T08:04:19Z"); // v2.12.4's publication: in
        Instant asOf = Instant.parse("2019-10-03T00:57:23Z");  // v2.12.8's publication: kept (at or before asOf)
        GitHubClients clients = TestClients.create(github, time);

        Deployments deployments = new DeploymentsCollector(new DoraSource.Releases(), "production",
                DeploymentsCollector.DEFAULT_LOOKBACK).fetch(clients, REPO, since, asOf, Optional.of("master"));

        assertThat(deployments.source()).isEqualTo("releases");
        assertThat(deployments.items()).extracting(Deployments.Deployment::at).containsExactly(
                Instant.parse("2019-09-08T08:04:19Z"), Instant.parse("2019-09-21T15:13:58Z"),
                Instant.parse("2019-10-03T00:57:23Z"));
        assertThat(deployments.items()).noneMatch(Deployments.Deployment::failedByStatus);
        assertThat(clients.requests().total()).isEqualTo(1);
    }

    @Test
    void should_keep_the_last_release_published_before_since() {
        // The same releases, since moved to release 3's publication (2019-09-21T15:13:58Z): v2.12.4 (published
        // 2019-09-08T08:04:19Z) is the last deployment before since, found on the same page.
        stub(BASE + "/releases", array(
                release(0),
                release(1).put("draft", true).putNull("published_at"),
                release(2).put("prerelease", true),
                release(3),
                release(4)));
        Instant since = Instant.parse("2019-09-21T15:13:58Z");
        Instant asOf = Instant.parse("2019-10-03T00:57:23Z");
        GitHubClients clients = TestClients.create(github, time);

        Deployments deployments = new DeploymentsCollector(new DoraSource.Releases(), "production",
                DeploymentsCollector.DEFAULT_LOOKBACK).fetch(clients, REPO, since, asOf, Optional.of("master"));

        assertThat(deployments.items()).extracting(Deployments.Deployment::at).containsExactly(
                Instant.parse("2019-09-08T08:04:19Z"), Instant.parse("2019-09-21T15:13:58Z"),
                Instant.parse("2019-10-03T00:57:23Z"));
        assertThat(deployments.coveredFrom()).isEqualTo(Instant.parse("2019-09-08T08:04:19Z"));
        assertThat(deployments.mergedPullRequestsNeededSince(since, asOf)).isEqualTo(Instant.parse("2019-09-08T08:04:19Z"));
        assertThat(clients.requests().total()).isEqualTo(1);
    }

    @Test
    void should_take_successful_default_branch_runs_of_the_workflow_file() {
        github.stubFor(get(urlPathEqualTo(BASE + "/actions/workflows/deploy.yml/runs"))
                .withQueryParam("branch", equalTo("main")).withQueryParam("status", equalTo("success"))
                .withQueryParam("created", equalTo("2026-11-06T00:00:00Z..2026-11-20T00:00:00Z"))
                .willReturn(aResponse().withStatus(200).withBody(runsPage(3,
                        run(503, ".github/workflows/deploy.yml", "main", "completed", "success",
                                "2026-11-18T10:00:00Z", "2026-11-18T10:00:00Z", "2026-11-18T10:12:00Z"),
                        // created before since, finished exactly at since: in
                        run(502, ".github/workflows/deploy.yml", "main", "completed", "success",
                                "2026-11-12T23:50:00Z", "2026-11-12T23:50:00Z", "2026-11-13T00:00:00Z"),
                        // finished before since: the last deployment before it, kept as the coverage start
                        run(501, ".github/workflows/deploy.yml", "main", "completed", "success",
                                "2026-11-10T00:00:00Z", "2026-11-10T00:00:00Z", "2026-11-10T00:05:00Z")))));
        GitHubClients clients = TestClients.create(github, time);

        Deployments deployments = new DeploymentsCollector(new DoraSource.Workflow("deploy.yml"), "production",
                DeploymentsCollector.DEFAULT_LOOKBACK).fetch(clients, REPO, SINCE, AS_OF, Optional.of("main"));

        assertThat(deployments.source()).isEqualTo("workflow:deploy.yml");
        assertThat(deployments.items()).extracting(Deployments.Deployment::at).containsExactly(
                Instant.parse("2026-11-10T00:05:00Z"), Instant.parse("2026-11-13T00:00:00Z"), Instant.parse("2026-11-18T10:12:00Z"));
        assertThat(deployments.coveredFrom()).isEqualTo(Instant.parse("2026-11-10T00:05:00Z"));
        // The last deployment before since came with the range: no request for it.
        assertThat(clients.requests().total()).isEqualTo(1);
    }

    @Test
    void should_derive_workflow_deployments_from_runs_already_fetched_without_a_request() {
        String deploy = ".github/workflows/deploy.yml";
        WorkflowRuns runs = new WorkflowRuns(Optional.of("main"), SINCE, AS_OF, java.util.List.of(
                WorkflowRunsCollector.run(run(601, deploy, "main", "completed", "success",
                        "2026-11-15T00:00:00Z", "2026-11-15T00:00:00Z", "2026-11-15T00:09:00Z")),
                WorkflowRunsCollector.run(run(602, deploy, "feature", "completed", "success", // other branch
                        "2026-11-15T01:00:00Z", "2026-11-15T01:00:00Z", "2026-11-15T01:09:00Z")),
                WorkflowRunsCollector.run(run(603, deploy, "main", "completed", "failure", // failed
                        "2026-11-15T02:00:00Z", "2026-11-15T02:00:00Z", "2026-11-15T02:09:00Z")),
                WorkflowRunsCollector.run(run(604, ".github/workflows/ci.yml", "main", "completed", "success", // other file
                        "2026-11-15T03:00:00Z", "2026-11-15T03:00:00Z", "2026-11-15T03:09:00Z"))), Optional.empty());

        Deployments deployments = DeploymentsCollector.fromWorkflowRuns(runs, "deploy.yml");

        assertThat(deployments.items()).containsExactly(new Deployments.Deployment(Instant.parse("2026-11-15T00:09:00Z"), false));
    }
}
