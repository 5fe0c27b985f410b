package io.repovitals.collect;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.FakeTime;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.repovitals.RestSamples.array;
import static io.repovitals.RestSamples.deployment;
import static io.repovitals.RestSamples.release;
import static io.repovitals.RestSamples.run;
import static io.repovitals.RestSamples.runsPage;
import static io.repovitals.RestSamples.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Deployments dataset from each dora-source. Deployments, statuses and releases are copies of
 * shared/github/rest-samples/deployments.json (payload kept as the recorded JSON string),
 * deployment-statuses.json and releases.json with the named fields edited; expected values by hand.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeploymentsCollectorTest {
    static final RepoRef REPO = RepoRef.parse("octo-org/widgets");
    static final Instant SINCE = Instant.parse("2026-11-13T00:00:00Z");
    static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    static final String BASE = "/repos/octo-org/widgets";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

    private final FakeTime time = new FakeTime(AS_OF);

    private static void stub(String path, String body) {
        github.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void should_time_production_deployments_at_their_deciding_status() {
        github.stubFor(get(urlPathEqualTo(BASE + "/deployments"))
                .withQueryParam("environment", equalTo("production")).withQueryParam("per_page", equalTo("100"))
                .willReturn(aResponse().withStatus(200).withBody(array(
                        deployment(15, "production", "2026-11-19T23:00:00Z", false),
                        deployment(11, "production", "2026-11-19T10:00:00Z", true),
                        deployment(14, "production", "2026-11-14T08:00:00Z", false),
                        deployment(12, "production", "2026-11-16T09:00:00Z", true),
                        deployment(13, "production", "2026-11-12T23:00:00Z", false),
                        // created more than the 7-day lookback before since: the list is read no further
                        deployment(16, "production", "2026-11-01T00:00:00Z", false),
                        deployment(17, "production", "2026-10-30T00:00:00Z", false)))));
        // Statuses come newest first.
        stub(BASE + "/deployments/15/statuses", array(status("success", "2026-11-20T00:30:00Z"),
                status("pending", "2026-11-19T23:01:00Z"))); // success after asOf: pending at asOf -> out
        stub(BASE + "/deployments/11/statuses", array(status("success", "2026-11-19T10:05:00Z"),
                status("in_progress", "2026-11-19T10:01:00Z")));
        stub(BASE + "/deployments/14/statuses", array(status("queued", "2026-11-14T08:00:00Z"))); // never decided -> out
        stub(BASE + "/deployments/12/statuses", array(status("inactive", "2026-11-19T10:06:00Z"),
                status("failure", "2026-11-16T09:10:00Z"))); // superseded later; it failed
        stub(BASE + "/deployments/13/statuses", array(status("error", "2026-11-13T00:00:00Z"))); // created before since, errored exactly at since
        GitHubClients clients = TestClients.create(github, time);

        Deployments deployments = new DeploymentsCollector().fetch(clients, REPO, SINCE, AS_OF, Optional.of("main"));

        assertThat(deployments.source()).isEqualTo("deployments");
        assertThat(deployments.items()).containsExactly(
                new Deployments.Deployment(Instant.parse("2026-11-13T00:00:00Z"), true),
                new Deployments.Deployment(Instant.parse("2026-11-16T09:10:00Z"), true),
                new Deployments.Deployment(Instant.parse("2026-11-19T10:05:00Z"), false));
        // one list, one statuses list per deployment created in [since - 7 days, asOf]: 15, 11, 14, 12, 13
        assertThat(clients.requests().total()).isEqualTo(6);
        github.verify(0, getRequestedFor(urlPathMatching(BASE + "/deployments/1[67]/statuses")));
    }

    @Test
    void should_read_the_configured_environment() {
        github.stubFor(get(urlPathEqualTo(BASE + "/deployments")).withQueryParam("environment", equalTo("prod-eu"))
                .willReturn(aResponse().withStatus(200).withBody(array(deployment(21, "prod-eu", "2026-11-18T00:00:00Z", false)))));
        stub(BASE + "/deployments/21/statuses", array(status("success", "2026-11-18T00:02:00Z")));

        Deployments deployments = new DeploymentsCollector(new DoraSource.Deployments(), "prod-eu",
                DeploymentsCollector.DEFAULT_LOOKBACK).fetch(TestClients.create(github, time), REPO, SINCE, AS_OF, Optional.of("main"));

        assertThat(deployments.items()).containsExactly(new Deployments.Deployment(Instant.parse("2026-11-18T00:02:00Z"), false));
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
                        // finished before since: out
                        run(501, ".github/workflows/deploy.yml", "main", "completed", "success",
                                "2026-11-10T00:00:00Z", "2026-11-10T00:00:00Z", "2026-11-10T00:05:00Z")))));
        GitHubClients clients = TestClients.create(github, time);

        Deployments deployments = new DeploymentsCollector(new DoraSource.Workflow("deploy.yml"), "production",
                DeploymentsCollector.DEFAULT_LOOKBACK).fetch(clients, REPO, SINCE, AS_OF, Optional.of("main"));

        assertThat(deployments.source()).isEqualTo("workflow:deploy.yml");
        assertThat(deployments.items()).extracting(Deployments.Deployment::at).containsExactly(
                Instant.parse("2026-11-13T00:00:00Z"), Instant.parse("2026-11-18T10:12:00Z"));
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
