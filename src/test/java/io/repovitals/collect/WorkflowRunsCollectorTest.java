package io.repovitals.collect;

import io.repovitals.GitHubFake;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.repovitals.FakeTime;
import io.repovitals.TestClients;
import io.repovitals.github.GitHubClients;
import io.repovitals.metrics.CiMetrics;
import io.repovitals.model.Outcome;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import io.repovitals.OutcomeValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.repovitals.RestSamples.run;
import static io.repovitals.RestSamples.runsPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ci.* end to end: WorkflowRunsCollector against a fake GitHub, then CiMetrics. Runs are copies of
 * src/test/resources/github/rest-samples/actions-runs.json's first run with id, path, branch, status, conclusion
 * and times edited; every expected value below is worked out by hand.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkflowRunsCollectorTest {
    static final RepoRef REPO = RepoRef.parse("octo-org/widgets");
    static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    static final Window WINDOW = new Window(AS_OF, 7); // [2026-11-13T00:00Z, 2026-11-20T00:00Z)
    static final String RUNS = "/repos/octo-org/widgets/actions/runs";
    static final String CI = ".github/workflows/ci.yml";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(GitHubFake.options()).failOnUnmatchedRequests(true).build();

    private final FakeTime time = new FakeTime(AS_OF.plusSeconds(600));

    /** The busy week: every trap of the ci.* definitions. Durations in minutes after each run. */
    static String busyWeek() {
        return runsPage(11,
                // exactly at asOf: out of the window, and not "before asOf" for default_branch_passing
                run(109, CI, "main", "completed", "failure", "2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z", "2026-11-20T00:05:00Z"),
                // in progress: no conclusion, not in the population
                run(108, CI, "main", "in_progress", null, "2026-11-19T20:00:00Z", "2026-11-19T20:00:00Z", "2026-11-19T20:03:00Z"),
                // updated before it started (odd data): duration clamped to 0; latest decided main run before asOf
                run(110, CI, "main", "completed", "success", "2026-11-19T12:00:00Z", "2026-11-19T12:00:00Z", "2026-11-19T11:59:00Z"),
                // skipped and cancelled: in ci.runs, not decided, no duration
                run(107, CI, "main", "completed", "skipped", "2026-11-18T08:00:00Z", "2026-11-18T08:00:00Z", "2026-11-18T08:00:00Z"),
                run(106, CI, "main", "completed", "cancelled", "2026-11-18T07:00:00Z", "2026-11-18T07:00:00Z", "2026-11-18T07:50:00Z"),
                // started 5 minutes after creation (queued): 40 minutes from run_started_at
                run(105, CI, "feature", "completed", "success", "2026-11-17T08:00:00Z", "2026-11-17T08:05:00Z", "2026-11-17T08:45:00Z"),
                run(104, CI, "main", "completed", "startup_failure", "2026-11-16T12:00:00Z", "2026-11-16T12:00:00Z", "2026-11-16T12:02:00Z"),
                run(103, CI, "feature", "completed", "timed_out", "2026-11-15T09:00:00Z", "2026-11-15T09:00:00Z", "2026-11-15T09:30:00Z"),
                run(102, CI, "main", "completed", "failure", "2026-11-14T10:00:00Z", "2026-11-14T10:01:00Z", "2026-11-14T10:21:00Z"),
                // exactly at the window start: in
                run(101, CI, "main", "completed", "success", "2026-11-13T00:00:00Z", "2026-11-13T00:00:00Z", "2026-11-13T00:10:00Z"),
                // queued since before the window, so outside the created filter GitHub applied; never sent back
                run(100, CI, "main", "completed", "success", "2026-11-13T00:00:01Z", "2026-11-13T00:00:01Z", "2026-11-13T00:00:01Z")
                        .put("status", "queued").putNull("conclusion"));
    }

    static void stubRuns(String body) {
        github.stubFor(get(urlPathEqualTo(RUNS))
                .withQueryParam("created", equalTo("2026-11-13T00:00:00Z..2026-11-20T00:00:00Z"))
                .withQueryParam("per_page", equalTo("100"))
                .withHeader("Authorization", equalTo("Bearer " + io.repovitals.GitHubFake.TOKEN))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.matching("repo-vitals/.*"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    static Map<String, Object> values(List<Outcome> outcomes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            values.put(outcome.def().name(), outcome instanceof Outcome.Value value ? (Object) value.value()
                    : "missing: " + ((Outcome.Missing) outcome).reason());
        }
        return values;
    }

    @Test
    void should_compute_every_ci_metric_from_one_request() {
        stubRuns(busyWeek());
        GitHubClients clients = TestClients.create(github, time);

        WorkflowRuns runs = new WorkflowRunsCollector().fetch(clients, REPO, WINDOW.start(), AS_OF, Optional.of("main"));
        Map<String, Object> values = values(new CiMetrics().compute(runs, WINDOW));

        // Completed and created in [11-13, 11-20): 101, 102, 103, 104, 105, 106, 107, 110 (not 108 in progress,
        // not 100 queued, not 109 at asOf).
        assertThat(values.get("ci.runs")).isEqualTo(8.0);
        // failure 102, timed_out 103, startup_failure 104
        assertThat(values.get("ci.failures")).isEqualTo(3.0);
        // decided: 101, 102, 103, 104, 105, 110 -> 3 / 6
        assertThat(values.get("ci.failure_rate")).isEqualTo(0.5);
        // durations of the decided runs: 101 10, 102 20, 103 30, 104 2, 105 40, 110 0 -> [0, 2, 10, 20, 30, 40]
        assertThat(values.get("ci.duration_minutes.min")).isEqualTo(0.0);
        assertThat(values.get("ci.duration_minutes.max")).isEqualTo(40.0);
        assertThat((double) values.get("ci.duration_minutes.mean")).isCloseTo(102.0 / 6, within(1e-9));
        // type 7: h = 5p + 1 (1-based); p50 h=3.5 -> 10 + 0.5*10; p75 h=4.75 -> 20 + 0.75*10;
        // p90 h=5.5 -> 30 + 0.5*10; p95 h=5.75 -> 30 + 0.75*10
        assertThat(values.get("ci.duration_minutes.p50")).isEqualTo(15.0);
        assertThat(values.get("ci.duration_minutes.p75")).isEqualTo(27.5);
        assertThat(values.get("ci.duration_minutes.p90")).isEqualTo(35.0);
        assertThat(values.get("ci.duration_minutes.p95")).isEqualTo(37.5);
        // latest decided main run created before asOf: 110 (success); 109 at asOf and 108 in progress do not count
        assertThat(values.get("ci.default_branch_passing")).isEqualTo(1.0);

        assertThat(clients.requests().total()).isEqualTo(1);
        github.verify(1, getRequestedFor(urlPathEqualTo(RUNS)));
    }

    @Test
    void should_compute_any_window_inside_the_fetched_range() {
        stubRuns(busyWeek());
        WorkflowRuns runs = new WorkflowRunsCollector().fetch(TestClients.create(github, time), REPO, WINDOW.start(),
                AS_OF, Optional.of("main"));

        // The 2-day window [11-14T12:00, 11-16T12:00): only 103 (timed_out, 30 min); 104 at its asOf is out.
        Window earlier = new Window(Instant.parse("2026-11-16T12:00:00Z"), 2);
        Map<String, Object> values = values(new CiMetrics().compute(runs, earlier));
        assertThat(values.get("ci.runs")).isEqualTo(1.0);
        assertThat(values.get("ci.failure_rate")).isEqualTo(1.0);
        assertThat(values.get("ci.duration_minutes.p50")).isEqualTo(30.0);
        // latest decided main run before 11-16T12:00 is 102 (failure, 11-14), found in the range
        assertThat(values.get("ci.default_branch_passing")).isEqualTo(0.0);
    }

    @Test
    void should_follow_pages_to_the_api_url_even_when_github_links_elsewhere() {
        // Link headers name api.github.com and the numeric /repositories/{id} form (issues-list.json's mapping).
        github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("created", equalTo("2026-11-13T00:00:00Z..2026-11-20T00:00:00Z"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Link", "<https://api.github.com/repositories/617210/actions/runs?per_page=100&page=2>; rel=\"next\", "
                                + "<https://api.github.com/repositories/617210/actions/runs?per_page=100&page=2>; rel=\"last\"")
                        .withBody(runsPage(2, run(202, CI, "main", "completed", "failure", "2026-11-18T00:00:00Z",
                                "2026-11-18T00:00:00Z", "2026-11-18T00:06:00Z")))));
        github.stubFor(get(urlPathEqualTo("/repositories/617210/actions/runs")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withBody(runsPage(2, run(201, CI, "main", "completed", "success",
                        "2026-11-17T00:00:00Z", "2026-11-17T00:00:00Z", "2026-11-17T00:04:00Z")))));
        GitHubClients clients = TestClients.create(github, time);

        WorkflowRuns runs = new WorkflowRunsCollector().fetch(clients, REPO, WINDOW.start(), AS_OF, Optional.of("main"));

        assertThat(runs.runs()).extracting(WorkflowRuns.Run::id).containsExactly(202L, 201L);
        Map<String, Object> values = values(new CiMetrics().compute(runs, WINDOW));
        assertThat(values.get("ci.duration_minutes.mean")).isEqualTo(5.0);
        assertThat(values.get("ci.default_branch_passing")).isEqualTo(0.0);
        assertThat(clients.requests().total()).isEqualTo(2);
    }

    @Test
    void should_look_before_the_window_for_the_default_branch_only_when_the_window_has_no_decided_run_there() {
        stubRuns(runsPage(2,
                run(302, CI, "feature", "completed", "success", "2026-11-18T00:00:00Z", "2026-11-18T00:00:00Z", "2026-11-18T00:01:00Z"),
                run(301, CI, "main", "completed", "cancelled", "2026-11-17T00:00:00Z", "2026-11-17T00:00:00Z", "2026-11-17T00:01:00Z")));
        github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("created", equalTo("<2026-11-13T00:00:00Z"))
                .withQueryParam("branch", equalTo("main")).withQueryParam("status", equalTo("completed"))
                .willReturn(aResponse().withStatus(200).withBody(runsPage(40,
                        run(299, CI, "main", "completed", "skipped", "2026-11-12T00:00:00Z", "2026-11-12T00:00:00Z", "2026-11-12T00:00:00Z"),
                        run(298, CI, "main", "completed", "failure", "2026-11-11T00:00:00Z", "2026-11-11T00:00:00Z", "2026-11-11T00:09:00Z"),
                        run(297, CI, "main", "completed", "success", "2026-11-10T00:00:00Z", "2026-11-10T00:00:00Z", "2026-11-10T00:09:00Z")))));
        GitHubClients clients = TestClients.create(github, time);

        WorkflowRuns runs = new WorkflowRunsCollector().fetch(clients, REPO, WINDOW.start(), AS_OF, Optional.of("main"));
        Map<String, Object> values = values(new CiMetrics().compute(runs, WINDOW));

        // The window's only main run was cancelled; before it, 299 was skipped and 298 failed.
        assertThat(values.get("ci.default_branch_passing")).isEqualTo(0.0);
        assertThat(values.get("ci.runs")).isEqualTo(2.0);
        assertThat(clients.requests().total()).isEqualTo(2);
    }

    @Test
    void should_leave_ratios_and_durations_absent_over_a_quiet_week_yet_count_zero_runs() {
        stubRuns(runsPage(0));
        github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("created", equalTo("<2026-11-13T00:00:00Z"))
                .willReturn(aResponse().withStatus(200).withBody(runsPage(0))));

        WorkflowRuns runs = new WorkflowRunsCollector().fetch(TestClients.create(github, time), REPO, WINDOW.start(),
                AS_OF, Optional.of("main"));
        Map<String, Object> values = values(new CiMetrics().compute(runs, WINDOW));

        assertThat(values.get("ci.runs")).isEqualTo(0.0);
        assertThat(values.get("ci.failures")).isEqualTo(0.0);
        assertThat(values.get("ci.failure_rate")).isEqualTo("missing: no decided runs in the window");
        assertThat(values.get("ci.duration_minutes.p50")).isEqualTo("missing: no decided runs in the window");
        assertThat((String) values.get("ci.default_branch_passing")).startsWith("missing: no decided workflow run on the default branch main");
    }

    @Test
    void should_count_no_runs_of_an_empty_repository_without_a_request() {
        GitHubClients clients = TestClients.create(github, time);

        WorkflowRuns runs = new WorkflowRunsCollector().fetch(clients, REPO, WINDOW.start(), AS_OF, Optional.empty());
        List<Outcome> outcomes = new CiMetrics().compute(runs, WINDOW);

        // No default branch, so no runs: the counts are 0 (facts), durations and the failure rate over nothing are
        // missing, and the default branch cannot be passing (issue 16, the quiet repository's rule).
        Map<String, Object> values = OutcomeValues.of(outcomes);
        assertThat(values).hasSize(CiMetrics.DEFS.size()).containsEntry("ci.runs", 0.0).containsEntry("ci.failures", 0.0)
                .containsEntry("ci.failure_rate", "missing: no decided runs in the window")
                .containsEntry("ci.duration_minutes.p50", "missing: no decided runs in the window")
                .containsEntry("ci.default_branch_passing", "missing: the repository is empty (no default branch), so no run on it");
        assertThat(clients.requests().total()).isZero();
    }

    @Test
    void should_serve_a_90_day_backfill_from_one_fetch() {
        Instant since = AS_OF.minus(java.time.Duration.ofDays(90)); // 2026-08-22
        github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("created", equalTo("2026-08-22T00:00:00Z..2026-11-20T00:00:00Z"))
                .willReturn(aResponse().withStatus(200).withBody(busyWeek())));
        // The first backfilled window ends 2026-08-29; no decided main run before it: one look before the range.
        github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("created", equalTo("<2026-08-22T00:00:00Z"))
                .willReturn(aResponse().withStatus(200).withBody(runsPage(0))));
        GitHubClients clients = TestClients.create(github, time);

        WorkflowRuns runs = new WorkflowRunsCollector().fetch(clients, REPO, since, AS_OF, Optional.of("main"),
                since.plus(java.time.Duration.ofDays(7)));
        CiMetrics ci = new CiMetrics();
        int windows = 0;
        for (Instant asOf = since.plus(java.time.Duration.ofDays(7)); !asOf.isAfter(AS_OF); asOf = asOf.plus(java.time.Duration.ofDays(1))) {
            ci.compute(runs, new Window(asOf, 7));
            windows++;
        }

        assertThat(windows).isEqualTo(84);
        assertThat(values(ci.compute(runs, new Window(Instant.parse("2026-09-01T00:00:00Z"), 7))).get("ci.default_branch_passing"))
                .isEqualTo("missing: no decided workflow run on the default branch main before 2026-09-01T00:00:00Z");
        assertThat(values(ci.compute(runs, WINDOW)).get("ci.runs")).isEqualTo(8.0);
        assertThat(clients.requests().total()).isEqualTo(2);
    }

    @Test
    void should_split_a_range_that_github_would_cut_at_a_thousand_runs() {
        // Over 1,000 runs in the week: GitHub serves at most 1,000 for a created filter, so the week is halved.
        github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("created", equalTo("2026-11-13T00:00:00Z..2026-11-20T00:00:00Z"))
                .willReturn(aResponse().withStatus(200).withBody(runsPage(1500))));
        github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("created", equalTo("2026-11-13T00:00:00Z..2026-11-16T12:00:00Z"))
                .willReturn(aResponse().withStatus(200).withBody(runsPage(700, run(401, CI, "main", "completed", "success",
                        "2026-11-14T00:00:00Z", "2026-11-14T00:00:00Z", "2026-11-14T00:03:00Z")))));
        github.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("created", equalTo("2026-11-16T12:00:01Z..2026-11-20T00:00:00Z"))
                .willReturn(aResponse().withStatus(200).withBody(runsPage(800, run(402, CI, "main", "completed", "failure",
                        "2026-11-18T00:00:00Z", "2026-11-18T00:00:00Z", "2026-11-18T00:07:00Z")))));
        GitHubClients clients = TestClients.create(github, time);

        WorkflowRuns runs = new WorkflowRunsCollector().fetch(clients, REPO, WINDOW.start(), AS_OF, Optional.of("main"));

        assertThat(runs.runs()).extracting(WorkflowRuns.Run::id).containsExactly(402L, 401L);
        assertThat(clients.requests().total()).isEqualTo(3);
    }
}
