package io.repovitals.collect;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.repovitals.FakeTime;
import io.repovitals.GitHubFake;
import io.repovitals.RestSamples;
import io.repovitals.TestClients;
import io.repovitals.config.DoraSource;
import io.repovitals.github.FaultPolicy;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RequestBudget;
import io.repovitals.metrics.CiMetrics;
import io.repovitals.metrics.RepoMetrics;
import io.repovitals.metrics.TrafficMetrics;
import io.repovitals.metrics.TrafficRows;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.Outcome;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;
import io.repovitals.snapshot.SnapshotBuilder;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, acceptance point 2: each fault ends in a snapshot with the metrics that could be had and
 * the rest in {@code missing} with a one-line reason, never an exception. Bodies come from
 * src/test/resources/github/rest-samples (actions-runs.json via {@link WorkflowRunsCollectorTest#busyWeek()},
 * traffic-views/clones.json moved to the test's weeks, error-403-rate-limit.json).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FaultToleranceTest {
    static final RepoRef REPO = WorkflowRunsCollectorTest.REPO;
    static final Instant AS_OF = WorkflowRunsCollectorTest.AS_OF;
    static final Window WINDOW = WorkflowRunsCollectorTest.WINDOW;
    static final String RUNS = WorkflowRunsCollectorTest.RUNS;
    static final String VIEWS = "/repos/octo-org/widgets/traffic/views";
    static final String CLONES = "/repos/octo-org/widgets/traffic/clones";
    static final String RELEASES = "/repos/octo-org/widgets/releases";
    /** The recorded 2020-02-08..21 points moved to 2026-11-06..19, the 14 days before AS_OF. */
    static final long SHIFT_DAYS = 2463;

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private final FakeTime time = new FakeTime(AS_OF.plusSeconds(600));

    private static String runs() {
        return WorkflowRunsCollectorTest.busyWeek();
    }

    private static void stubTraffic() {
        github.stubFor(get(urlPathEqualTo(VIEWS)).willReturn(ok(RestSamples.shiftedTraffic("traffic-views.json", "views", SHIFT_DAYS))));
        github.stubFor(get(urlPathEqualTo(CLONES)).willReturn(ok(RestSamples.shiftedTraffic("traffic-clones.json", "clones", SHIFT_DAYS))));
    }

    /** dora-source deployments: the GraphQL query {@code Deployments} finds none in range. */
    private static void stubNoDeployments() {
        GitHubFake.stubOperation(github, "octo-org", "widgets", "Deployments", "github/graphql/deployments-none.json");
    }

    /** What the pipeline does for one repository with the REST datasets: fetch them, compute, build. */
    private Snapshot collect(GitHubClients clients) {
        Datasets data = new RestDatasets().fetchInto(new Datasets(), clients, REPO,
                new CollectionRange(AS_OF.minus(java.time.Duration.ofDays(7)), AS_OF, AS_OF), Optional.of("main"));
        List<Outcome> outcomes = new ArrayList<>(new CiMetrics().compute(data, WINDOW, List.of()));
        outcomes.addAll(TrafficMetrics.missing(data, WINDOW));
        Snapshot snapshot = SnapshotBuilder.build(REPO, WINDOW, outcomes, List.of(), TrafficRows.of(data, WINDOW),
                new CollectionStats(clients.requests().total(), 0, 0, data.partialReason().isPresent()));
        // Every reason is one line a user can read: no stack trace, no exception class.
        assertThat(snapshot.missing().values()).allSatisfy(reason ->
                assertThat(reason).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat "));
        return snapshot;
    }

    private static void assertEveryCiMetricMeasured(Snapshot snapshot) {
        assertThat(snapshot.metrics()).containsEntry("ci.runs", 8L).containsEntry("ci.failures", 3L)
                .containsEntry("ci.failure_rate", 0.5).containsEntry("ci.duration_minutes.p50", 15.0)
                .containsEntry("ci.default_branch_passing", 1L);
        assertThat(snapshot.metrics().keySet()).filteredOn(name -> name.startsWith("ci.")).hasSize(CiMetrics.DEFS.size());
    }

    @Test
    void should_retry_a_502_burst_with_growing_backoff_and_end_with_every_metric() {
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("burst").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")).willSetStateTo("second"));
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("burst").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("healed"));
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("burst").whenScenarioStateIs("healed").willReturn(ok(runs())));
        stubTraffic();
        stubNoDeployments();

        Snapshot snapshot = collect(TestClients.create(github, time));

        assertEveryCiMetricMeasured(snapshot);
        assertThat(snapshot.traffic()).hasSize(14);
        assertThat(snapshot.missing()).isEmpty();
        assertThat(snapshot.collection().partial()).isFalse();
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        // runs 3 attempts, traffic 2, deployments 1
        assertThat(snapshot.collection().requests()).isEqualTo(6);
    }

    @Test
    void should_give_up_on_endless_502s_after_bounded_attempts_and_keep_the_rest() {
        github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(502)));
        stubTraffic();
        stubNoDeployments();

        Snapshot snapshot = collect(TestClients.create(github, time));

        assertThat(snapshot.metrics()).doesNotContainKey("ci.runs");
        assertThat(snapshot.missing()).hasSize(CiMetrics.DEFS.size())
                .containsEntry("ci.runs", "GitHub answered HTTP 502 at " + github.baseUrl()
                        + "/repos/octo-org/widgets/actions/runs?per_page=100&created=2026-11-13T00%3A00%3A00Z..2026-11-20T00%3A00%3A00Z");
        assertThat(snapshot.traffic()).hasSize(14);
        assertThat(snapshot.collection().partial()).isTrue();
        github.verify(4, getRequestedFor(urlPathEqualTo(RUNS)));
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void should_retry_a_dropped_connection() {
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("drop").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("empty"));
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("drop").whenScenarioStateIs("empty")
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("back"));
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("drop").whenScenarioStateIs("back").willReturn(ok(runs())));
        stubTraffic();
        stubNoDeployments();

        Snapshot snapshot = collect(TestClients.create(github, time));

        assertEveryCiMetricMeasured(snapshot);
        assertThat(snapshot.missing()).isEmpty();
        assertThat(snapshot.collection().partial()).isFalse();
        github.verify(3, getRequestedFor(urlPathEqualTo(RUNS)));
    }

    @Test
    void should_wait_for_a_primary_rate_limit_that_resets_soon() {
        long reset = AS_OF.plusSeconds(600 + 30).getEpochSecond();
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("primary").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("X-RateLimit-Limit", "1000")
                        .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", Long.toString(reset))
                        .withHeader("X-RateLimit-Resource", "core")
                        .withBody("{\"message\":\"API rate limit exceeded for installation ID 1.\"}"))
                .willSetStateTo("reset"));
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("primary").whenScenarioStateIs("reset").willReturn(ok(runs())));
        stubTraffic();
        stubNoDeployments();

        Snapshot snapshot = collect(TestClients.create(github, time));

        assertEveryCiMetricMeasured(snapshot);
        assertThat(snapshot.collection().partial()).isFalse();
        // 30 s to the reset, plus a second of margin
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(31));
    }

    @Test
    void should_collect_what_fits_before_a_distant_reset_and_mark_the_snapshot_partial() {
        long reset = AS_OF.plus(Duration.ofHours(1)).getEpochSecond();
        github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(ok(runs()).withHeader("X-RateLimit-Remaining", "2")
                .withHeader("X-RateLimit-Reset", Long.toString(reset))));
        github.stubFor(get(urlPathEqualTo(VIEWS)).willReturn(ok(RestSamples.shiftedTraffic("traffic-views.json", "views", SHIFT_DAYS))
                .withHeader("X-RateLimit-Remaining", "1").withHeader("X-RateLimit-Reset", Long.toString(reset))));
        github.stubFor(get(urlPathEqualTo(CLONES)).willReturn(ok(RestSamples.shiftedTraffic("traffic-clones.json", "clones", SHIFT_DAYS))
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", Long.toString(reset))));
        github.stubFor(get(urlPathEqualTo(RELEASES)).willReturn(ok("[]")));
        GitHubClients clients = TestClients.create(github, time);
        // dora-source releases: a third core REST request (source deployments asks GraphQL, whose limit is its own)
        DeploymentsCollector releases = new DeploymentsCollector(new DoraSource.Releases(), "production",
                DeploymentsCollector.DEFAULT_LOOKBACK);

        Datasets data = new Datasets()
                .fetch(WorkflowRuns.class, () -> new WorkflowRunsCollector().fetch(clients, REPO, WINDOW.start(), AS_OF, Optional.of("main")))
                .fetch(Traffic.class, () -> new TrafficCollector().fetch(clients, REPO, WINDOW.start(), AS_OF))
                .fetch(Deployments.class, () -> releases.fetch(clients, REPO, WINDOW.start(), AS_OF, Optional.of("main")));

        assertThat(data.get(WorkflowRuns.class)).isPresent();
        assertThat(data.get(Traffic.class)).isPresent();
        // The last answer said 0 left until an hour later, more than the 5 minutes we may wait: not even sent.
        assertThat(data.get(Deployments.class)).isEmpty();
        assertThat(data.absentReason(Deployments.class)).isEqualTo("GitHub's core rate limit is used up until "
                + Instant.ofEpochSecond(reset) + ", later than the allowed wait of 300 s");
        assertThat(data.partialReason()).contains(data.absentReason(Deployments.class));
        github.verify(0, getRequestedFor(urlPathEqualTo(RELEASES)));
        assertThat(clients.requests().total()).isEqualTo(3);
        assertThat(time.pauses()).isEmpty();
    }

    @Test
    void should_honour_retry_after_on_secondary_limits_by_403_and_429() {
        String secondary = GitHubFake.restSample("error-403-rate-limit.json");
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("secondary").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("Retry-After", "8")
                        .withHeader("X-RateLimit-Remaining", "4000").withBody(secondary)).willSetStateTo("429"));
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("secondary").whenScenarioStateIs("429")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody(secondary)).willSetStateTo("ok"));
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("secondary").whenScenarioStateIs("ok").willReturn(ok(runs())));
        stubTraffic();
        stubNoDeployments();

        Snapshot snapshot = collect(TestClients.create(github, time));

        assertEveryCiMetricMeasured(snapshot);
        assertThat(snapshot.collection().partial()).isFalse();
        // Retry-After as asked (no jitter in this test's policy): 8 s, then 3 s
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(8), Duration.ofSeconds(3));
        github.verify(3, getRequestedFor(urlPathEqualTo(RUNS)));
    }

    @Test
    void should_give_up_on_a_secondary_limit_that_persists() {
        github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(403).withHeader("Retry-After", "5")
                .withBody(GitHubFake.restSample("error-403-rate-limit.json"))));
        stubTraffic();
        stubNoDeployments();

        Snapshot snapshot = collect(TestClients.create(github, time));

        assertThat(snapshot.missing()).containsEntry("ci.runs", "GitHub's secondary rate limit persisted after 2 waits")
                .doesNotContainKey("traffic.views");
        assertThat(snapshot.traffic()).hasSize(14);
        assertThat(snapshot.collection().partial()).isTrue();
        github.verify(3, getRequestedFor(urlPathEqualTo(RUNS)));
    }

    @Test
    void should_stop_at_the_request_budget_and_leave_the_rest_absent() {
        github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(ok(runs())));
        stubTraffic();
        stubNoDeployments();
        GitHubClients clients = TestClients.create(github, RequestBudget.of(2), TestClients.policy(time));

        Snapshot snapshot = collect(clients);

        assertEveryCiMetricMeasured(snapshot);
        // runs 1 + deployments 1 (GraphQL: none in range) = 2: traffic's first request would be the third
        assertThat(snapshot.missing()).containsEntry("traffic.views", "request budget of 2 exhausted")
                .containsEntry("traffic.unique_cloners", "request budget of 2 exhausted");
        assertThat(snapshot.traffic()).isEmpty();
        assertThat(snapshot.collection().partial()).isTrue();
        assertThat(clients.requests().total()).isEqualTo(2);
        assertThat(clients.budget().isExhausted()).isTrue();
        github.verify(0, getRequestedFor(urlPathEqualTo(VIEWS)));
        github.verify(1, postRequestedFor(urlPathEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.query", containing("query Deployments("))));
    }

    @Test
    void should_turn_graphql_errors_with_partial_data_into_missing_entries() {
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").willReturn(GitHubFake.json("github/graphql/repo-state-stars-withheld.json")));
        GitHubClients clients = TestClients.create(github, time);

        Datasets data = new Datasets().fetch(RepoState.class, () ->
                new RepoStateCollector(Clock.fixed(AS_OF.plusSeconds(300), java.time.ZoneOffset.UTC)).fetch(clients, REPO, WINDOW));
        Snapshot snapshot = SnapshotBuilder.build(REPO, WINDOW, new RepoMetrics().compute(data, WINDOW, List.of()),
                List.of(), List.of(), new CollectionStats(clients.requests().total(), 0, 0, data.partialReason().isPresent()));

        // The stargazers error comes with the rest of the repository's data: only what it touched is missing.
        assertThat(snapshot.metrics()).containsEntry("repo.stars", 120L).containsKey("repo.forks").containsKey("repo.watchers");
        assertThat(snapshot.missing()).containsOnlyKeys("repo.stars_gained");
        assertThat(snapshot.missing().get("repo.stars_gained")).startsWith("GitHub withholds star times");
        assertThat(snapshot.collection().partial()).isFalse();
    }

    @Test
    void should_wait_out_a_graphql_rate_limited_error_then_block_when_the_points_are_gone_for_long() {
        long nearReset = AS_OF.plusSeconds(600 + 20).getEpochSecond();
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").inScenario("points").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(nearReset))
                        .withBody("{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"API rate limit exceeded for installation ID 1.\"}]}"))
                .willSetStateTo("answered"));
        // The answer's rateLimit says no points are left until 2 hours later.
        String drained = GitHubFake.resource("github/graphql/repo-state-quiet.json")
                .replaceFirst("\"remaining\":\\s*\\d+", "\"remaining\": 0")
                .replaceFirst("\"resetAt\":\\s*\"[^\"]+\"", "\"resetAt\": \"2026-11-20T02:00:00Z\"");
        github.stubFor(GitHubFake.graphql("octo-org", "widgets").inScenario("points").whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(200).withBody(drained)));
        GitHubClients clients = TestClients.create(github, time);
        RepoStateCollector collector = new RepoStateCollector(time);

        Datasets first = new Datasets().fetch(RepoState.class, () -> collector.fetch(clients, REPO, WINDOW));
        Datasets second = new Datasets().fetch(RepoState.class, () -> collector.fetch(clients, REPO, WINDOW));

        assertThat(first.get(RepoState.class)).isPresent();
        assertThat(time.pauses()).containsExactly(Duration.ofSeconds(21));
        assertThat(second.absentReason(RepoState.class)).isEqualTo(
                "GitHub's graphql rate limit is used up until 2026-11-20T02:00:00Z, later than the allowed wait of 300 s");
        assertThat(second.partialReason()).isPresent();
        assertThat(clients.requests().graphql()).isEqualTo(2);
    }

    @Test
    void should_take_workflow_deployments_from_the_runs_and_one_request_for_the_last_before_since() {
        github.stubFor(get(urlPathEqualTo(RUNS)).willReturn(ok(runs())));
        // The runs hold none before since: the file's successful main runs created in the 90 days before it.
        github.stubFor(get(urlPathEqualTo("/repos/octo-org/widgets/actions/workflows/ci.yml/runs"))
                .withQueryParam("branch", equalTo("main")).withQueryParam("status", equalTo("success"))
                .withQueryParam("created", equalTo("2026-08-15T00:00:00Z..2026-11-12T23:59:59Z"))
                .willReturn(ok(RestSamples.runsPage(2,
                        RestSamples.run(90, ".github/workflows/ci.yml", "main", "completed", "success",
                                "2026-11-12T20:00:00Z", "2026-11-12T20:00:00Z", "2026-11-12T20:10:00Z"),
                        RestSamples.run(89, ".github/workflows/ci.yml", "main", "completed", "success",
                                "2026-11-11T20:00:00Z", "2026-11-11T20:00:00Z", "2026-11-11T20:10:00Z")))));
        stubTraffic();
        GitHubClients clients = TestClients.create(github, time);

        Datasets data = new RestDatasets(new io.repovitals.config.DoraSource.Workflow("ci.yml"), "production")
                .fetchInto(new Datasets(), clients, REPO,
                new CollectionRange(AS_OF.minus(java.time.Duration.ofDays(7)), AS_OF, AS_OF), Optional.of("main"));

        // successful main runs of ci.yml finished in [since, asOf]: 101 (11-13T00:10) and 110 (11-19T11:59);
        // the last before since, 90 (11-12T20:10), starts the coverage (89 is older: left out)
        Deployments deployments = data.get(Deployments.class).orElseThrow();
        assertThat(deployments.items()).extracting(Deployments.Deployment::at).containsExactly(
                Instant.parse("2026-11-12T20:10:00Z"), Instant.parse("2026-11-13T00:10:00Z"), Instant.parse("2026-11-19T11:59:00Z"));
        assertThat(deployments.coveredFrom()).isEqualTo(Instant.parse("2026-11-12T20:10:00Z"));
        assertThat(clients.requests().total()).isEqualTo(4); // runs 1, the last deployment before since 1, traffic 2
    }

    @Test
    void should_wait_no_longer_than_the_configured_maximum() {
        FaultPolicy patient = new FaultPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 2, Duration.ofHours(2), 5,
                time, time, () -> 0.0);
        long reset = AS_OF.plus(Duration.ofHours(1)).getEpochSecond();
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("long").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(reset)).withBody("{\"message\":\"API rate limit exceeded\"}"))
                .willSetStateTo("reset"));
        github.stubFor(get(urlPathEqualTo(RUNS)).inScenario("long").whenScenarioStateIs("reset").willReturn(ok(runs())));
        stubTraffic();
        stubNoDeployments();

        Snapshot snapshot = collect(TestClients.create(github, RequestBudget.unlimited(), patient));

        assertEveryCiMetricMeasured(snapshot);
        assertThat(time.pauses()).containsExactly(Duration.ofMinutes(50).plusSeconds(1));
    }
}
