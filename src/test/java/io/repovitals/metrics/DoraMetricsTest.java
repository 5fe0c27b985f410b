package io.repovitals.metrics;

import io.repovitals.OutcomeValues;
import io.repovitals.collect.Account;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.Deployments;
import io.repovitals.collect.Deployments.Deployment;
import io.repovitals.collect.Issues;
import io.repovitals.collect.PullRequests;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** dora.* on hand-built datasets (deployments come from the REST collectors): each value worked out by hand. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DoraMetricsTest {
    private static final Instant AS_OF = at("11-20T00:00");
    private static final Window WINDOW = new Window(AS_OF, 7); // [11-13T00:00, 11-20T00:00)
    private static final Instant SINCE = WINDOW.start();
    private static final Account ALICE = new Account("alice", false);
    private static final Account DEPENDABOT = new Account("dependabot", true);

    private static Instant at(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + ":00Z");
    }

    private static Deployments deployments() {
        return new Deployments("deployments", List.of(
                new Deployment(at("11-12T00:00"), false),  // d0 before the window
                new Deployment(at("11-13T00:00"), false),  // d1 exactly at the window start: in
                new Deployment(at("11-14T12:00"), true),   // d2 failed by its status
                new Deployment(at("11-15T00:00"), false),  // d3 incident 10 h later, before d4: failed
                new Deployment(at("11-17T00:00"), false),  // d4 incident 30 h later: not within 24 h
                new Deployment(at("11-19T00:00"), false),  // d5 incident 5 h later, opened by a bot: failed
                new Deployment(at("11-20T00:00"), false))); // d6 exactly at asOf: out
    }

    private static PullRequests.PullRequest merged(int number, Account author, String base, String oldestCommit, String mergedAt) {
        Instant created = at(oldestCommit);
        return new PullRequests.PullRequest(number, "PR " + number, author, created, at(mergedAt), false, false, created,
                at(mergedAt), at(mergedAt), base, 1, 1, List.of(), List.of(), at(oldestCommit));
    }

    private static PullRequests pulls() {
        PullRequests.PullRequest open = new PullRequests.PullRequest(6, "open", ALICE, at("11-18T00:00"), at("11-18T00:00"),
                false, false, at("11-18T00:00"), null, null, "main", 1, 1, List.of(), List.of(), at("11-17T00:00"));
        // merged PRs from d0 on, as the collector fetches them (d0 is the last deployment before the window)
        return new PullRequests(SINCE, at("11-12T00:00"), AS_OF, "main", List.of(
                merged(1, ALICE, "main", "11-12T00:00", "11-12T20:00"),        // first deployed d1: 24 h from its oldest commit
                merged(2, ALICE, "main", "11-13T12:00", "11-14T00:00"),        // d2 failed, so d3: 36 h
                merged(3, DEPENDABOT, "main", "11-15T00:00", "11-16T00:00"),   // a bot's PR counts here: d4, 48 h
                merged(4, ALICE, "release/1.x", "11-15T00:00", "11-16T00:00"), // not the default branch
                merged(5, ALICE, "main", "11-19T00:00", "11-19T12:00"),        // first deployed d6 at asOf: out
                open));
    }

    private static Issues.Issue issue(int number, Account author, String label, String created, String closed) {
        return new Issues.Issue(number, author, at(created), closed == null ? null : at(closed), at(created),
                List.of(label), List.of());
    }

    private static Issues issues() {
        return new Issues(SINCE, AS_OF, List.of(
                issue(1, ALICE, "incident", "11-15T10:00", "11-15T16:00"),      // 6 h to restore
                issue(2, ALICE, "incident", "11-18T06:00", "11-20T00:00"),      // closed exactly at asOf: out
                issue(3, DEPENDABOT, "Incident", "11-19T05:00", "11-19T07:00"), // a bot's, label in other case: 2 h
                issue(4, ALICE, "bug", "11-13T01:00", "11-13T02:00")));         // not an incident
    }

    @Test
    void should_compute_the_four_keys_by_hand() {
        Datasets data = new Datasets().with(Deployments.class, deployments()).with(PullRequests.class, pulls())
                .with(Issues.class, issues());

        Map<String, Object> values = OutcomeValues.of(new DoraMetrics().compute(data, WINDOW, List.of()));

        // Successful deployments in [11-13, 11-20): d1, d3, d4, d5.
        assertThat(values.get("dora.deployments")).isEqualTo(4.0);
        assertThat(values.get("dora.deployment_frequency_per_week")).isEqualTo(4.0); // 4 * 7 / 7
        // Lead times [24, 36, 48]: median 36.
        assertThat(values.get("dora.lead_time_hours.p50")).isEqualTo(36.0);
        // Population d1..d5; failed d2 (status), d3 and d5 (incidents): 3 / 5.
        assertThat(values.get("dora.change_failure_rate")).isEqualTo(0.6);
        // Incidents closed in window: #1 6 h, #3 2 h: median 4.
        assertThat(values.get("dora.time_to_restore_hours.p50")).isEqualTo(4.0);
    }

    @Test
    void should_take_incident_labels_from_the_settings() {
        Datasets data = new Datasets().with(Deployments.class, deployments()).with(PullRequests.class, pulls())
                .with(Issues.class, issues());

        // With label "bug" only #4 is an incident, opened 1 h after d1 (before d2): d1 fails, and d2 by its status.
        Map<String, Object> values = OutcomeValues.of(new DoraMetrics(List.of("sev1", "BUG")).compute(data, WINDOW, List.of()));

        assertThat(values.get("dora.change_failure_rate")).isEqualTo(0.4);
        assertThat(values.get("dora.time_to_restore_hours.p50")).isEqualTo(1.0);
    }

    @Test
    void should_not_count_an_incident_opened_after_asOf_when_computing_an_earlier_day() {
        Datasets data = new Datasets().with(Deployments.class, deployments()).with(PullRequests.class, pulls())
                .with(Issues.class, issues());
        // A backfilled day: asOf 11-19T03:00, window [11-12T03:00, 11-19T03:00). At that instant the bot's
        // incident (11-19T05:00) had not happened yet, so d5 (11-19T00:00) had not failed.
        Window earlier = new Window(at("11-19T03:00"), 7);

        Map<String, Object> values = OutcomeValues.of(new DoraMetrics().compute(
                data.with(Issues.class, new Issues(at("11-12T00:00"), AS_OF, issues().items())), earlier, List.of()));

        // Population d1..d5; failed d2 and d3: 2 / 5.
        assertThat(values.get("dora.change_failure_rate")).isEqualTo(0.4);
    }

    @Test
    void should_leave_what_needs_deployments_absent_with_their_reason() {
        Datasets data = new Datasets().without(Deployments.class, "needs a token with read access to deployments (HTTP 403)")
                .with(PullRequests.class, pulls()).with(Issues.class, issues());

        Map<String, Object> values = OutcomeValues.of(new DoraMetrics().compute(data, WINDOW, List.of()));

        assertThat(values).containsEntry("dora.deployments", "missing: needs a token with read access to deployments (HTTP 403)")
                .containsEntry("dora.change_failure_rate", "missing: needs a token with read access to deployments (HTTP 403)")
                .containsEntry("dora.time_to_restore_hours.p50", 4.0);
    }

    @Test
    void should_leave_rates_absent_without_deployments_in_the_window() {
        Datasets data = new Datasets().with(Deployments.class, new Deployments("releases", List.of()))
                .with(PullRequests.class, pulls()).with(Issues.class, issues());

        Map<String, Object> values = OutcomeValues.of(new DoraMetrics().compute(data, WINDOW, List.of()));

        assertThat(values).containsEntry("dora.deployments", 0.0)
                .containsEntry("dora.change_failure_rate", "missing: no deployment in the window")
                .containsEntry("dora.lead_time_hours.p50", "missing: no merged pull request was first deployed in the window");
    }

    // Near the window start [11-13, 11-20): datasets shaped as the collectors now deliver them for a weekly run.
    // Deployments from the last success before since (11-12T10:00, the anchor), merged PRs from it on.
    private static final Instant ANCHOR = at("11-12T10:00");

    private static PullRequests.PullRequest mergedPr(int number, String oldestCommit, String mergedAt, String updatedAt) {
        return new PullRequests.PullRequest(number, "PR " + number, ALICE, at(oldestCommit), at(updatedAt), false, false,
                at(oldestCommit), at(mergedAt), at(mergedAt), "main", 1, 1, List.of(), List.of(), at(oldestCommit));
    }

    // merged the day before the window, after the anchor, not updated since: first deployed 11-13T09:00
    private static final PullRequests.PullRequest DAY_BEFORE = mergedPr(31, "11-11T21:00", "11-12T15:00", "11-12T15:00");
    // merged 30 days before the window and deployed then (10-14T10:00), commented inside the window
    private static final PullRequests.PullRequest MONTH_OLD = mergedPr(32, "10-13T00:00", "10-14T00:00", "11-15T00:00");
    // merged 11-19T06:00: the next deployment is after asOf
    private static final PullRequests.PullRequest UNDEPLOYED = mergedPr(33, "11-18T00:00", "11-19T06:00", "11-19T06:00");
    // merged in the window, first deployed 11-16T09:00
    private static final PullRequests.PullRequest IN_WINDOW = mergedPr(34, "11-13T12:00", "11-14T00:00", "11-14T00:00");

    @ParameterizedTest
    @ValueSource(strings = {"deployments", "releases", "workflow:deploy.yml"})
    void should_count_a_pr_merged_the_day_before_the_window_and_not_one_deployed_before_it(String source) {
        Deployments deployments = new Deployments(source, ANCHOR, List.of(new Deployment(ANCHOR, false),
                new Deployment(at("11-13T09:00"), false), new Deployment(at("11-16T09:00"), false)));
        PullRequests pulls = new PullRequests(SINCE, ANCHOR, AS_OF, "main", List.of(DAY_BEFORE, MONTH_OLD, UNDEPLOYED, IN_WINDOW));
        Datasets data = new Datasets().with(Deployments.class, deployments).with(PullRequests.class, pulls)
                .with(Issues.class, issues());

        Map<String, Object> values = OutcomeValues.of(new DoraMetrics().compute(data, WINDOW, List.of()));

        // #31: 11-11T21:00 to 11-13T09:00 = 36 h; #34: 11-13T12:00 to 11-16T09:00 = 69 h; #32 merged before the
        // anchor (its deployment came before the window) and #33 (no deployment up to asOf) are left out.
        // Median of [36, 69] = 52.5 (with #32 counted at 11-13T09:00, 753 h, it would have been 69).
        assertThat(values.get("dora.lead_time_hours.p50")).isEqualTo(52.5);
        assertThat(values.get("dora.deployments")).isEqualTo(2.0);
    }

    @Test
    void should_not_count_a_pr_whose_first_deployment_after_its_merge_is_after_asOf() {
        Deployments deployments = new Deployments("deployments", ANCHOR, List.of(new Deployment(ANCHOR, false),
                new Deployment(at("11-13T09:00"), false)));
        PullRequests pulls = new PullRequests(SINCE, ANCHOR, AS_OF, "main", List.of(UNDEPLOYED, IN_WINDOW));
        Datasets data = new Datasets().with(Deployments.class, deployments).with(PullRequests.class, pulls)
                .with(Issues.class, issues());

        Map<String, Object> values = OutcomeValues.of(new DoraMetrics().compute(data, WINDOW, List.of()));

        // #33 and #34 were merged after the last deployment up to asOf (11-13T09:00): neither is deployed yet.
        assertThat(values.get("dora.lead_time_hours.p50")).isEqualTo("missing: no merged pull request was first deployed in the window");
    }

    @Test
    void should_leave_lead_time_missing_when_the_deployment_before_the_window_is_unknown() {
        // The old datasets: deployments and merged PRs from since only. #31 (merged the day before, not updated
        // since) is not there, and #32's first deployment would seem to be 11-13T09:00: counting would both miss
        // #31 and count #32 (753 h). No deployment is known between since and the window start, so: missing.
        Deployments deployments = new Deployments("deployments", SINCE, List.of(new Deployment(at("11-13T09:00"), false),
                new Deployment(at("11-16T09:00"), false)));
        PullRequests pulls = new PullRequests(SINCE, AS_OF, "main", List.of(MONTH_OLD, IN_WINDOW));
        Datasets data = new Datasets().with(Deployments.class, deployments).with(PullRequests.class, pulls)
                .with(Issues.class, issues());

        Map<String, Object> values = OutcomeValues.of(new DoraMetrics().compute(data, WINDOW, List.of()));

        assertThat(values.get("dora.lead_time_hours.p50")).isEqualTo("missing: no deployment was found in the 90 days "
                + "before 2026-11-13T00:00:00Z, so which pull requests merged before then the window's first deployment "
                + "shipped is not known");
    }

    @Test
    void should_compute_every_day_of_a_backfill_from_one_fetch() {
        // One fetch for [11-06, 11-20]: deployments from the last success before 11-06 (11-05T10:00), merged PRs
        // from it on. #41 was merged after it, before the backfill's first window, and first deployed 11-08T09:00.
        Instant anchor = at("11-05T10:00");
        Deployments deployments = new Deployments("deployments", anchor, List.of(new Deployment(anchor, false),
                new Deployment(at("11-08T09:00"), false), new Deployment(at("11-13T09:00"), false),
                new Deployment(at("11-16T09:00"), false)));
        PullRequests pulls = new PullRequests(at("11-06T00:00"), anchor, AS_OF, "main",
                List.of(mergedPr(41, "11-05T08:00", "11-05T12:00", "11-05T12:00"), DAY_BEFORE, MONTH_OLD, IN_WINDOW));
        Datasets data = new Datasets().with(Deployments.class, deployments).with(PullRequests.class, pulls)
                .with(Issues.class, new Issues(at("11-06T00:00"), AS_OF, issues().items()));

        // [11-06, 11-13): #41, 11-05T08:00 to 11-08T09:00 = 73 h (#31's first deployment 11-13T09:00 is after it).
        assertThat(OutcomeValues.of(new DoraMetrics().compute(data, new Window(at("11-13T00:00"), 7), List.of()))
                .get("dora.lead_time_hours.p50")).isEqualTo(73.0);
        // [11-09, 11-16): only 11-13T09:00 is in it: #31, 36 h.
        assertThat(OutcomeValues.of(new DoraMetrics().compute(data, new Window(at("11-16T00:00"), 7), List.of()))
                .get("dora.lead_time_hours.p50")).isEqualTo(36.0);
        // [11-13, 11-20): #31 36 h and #34 69 h: 52.5; #32 (merged 10-14, commented 11-15) never counts.
        assertThat(OutcomeValues.of(new DoraMetrics().compute(data, WINDOW, List.of()))
                .get("dora.lead_time_hours.p50")).isEqualTo(52.5);
    }
}
