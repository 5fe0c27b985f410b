package io.repovitals.metrics;

import io.repovitals.OutcomeValues;
import io.repovitals.collect.Account;
import io.repovitals.collect.Comment;
import io.repovitals.collect.Commits;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.Issues;
import io.repovitals.collect.PullRequests;
import io.repovitals.collect.PullRequests.Review;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** contributors.* and the per-contributor rows on hand-built datasets, each value worked out by hand. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContributorMetricsTest {
    private static final Instant AS_OF = at("11-20T00:00");
    private static final Window WINDOW = new Window(AS_OF, 7); // [11-13T00:00, 11-20T00:00)
    private static final Instant SINCE = AS_OF.minus(Duration.ofDays(90)); // 08-22: the bus factor's range

    private static Instant at(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + ":00Z");
    }

    private static Account user(String login) {
        return new Account(login, false);
    }

    private static Commits.Commit commit(String sha, String at, String login, String email, boolean bot, int parents) {
        return new Commits.Commit(sha, at(at), login, email, bot, parents, "change " + sha, false, 10, 1,
                Optional.of(List.of("src/" + sha)));
    }

    /**
     * In the window: alice 3 (linked), carol 1 (no linked user: no login contribution), dependabot 1 (bot),
     * bob's merge commit (left out). Earlier in the 90 days: bob 4 (October), dave 2 (September).
     */
    private static Commits commits() {
        List<Commits.Commit> commits = new ArrayList<>(List.of(
                commit("a1", "11-13T00:00", "alice", "alice@example.com", false, 1),
                commit("a2", "11-15T00:00", "alice", "alice@example.com", false, 1),
                commit("a3", "11-19T23:00", "Alice", "alice@example.com", false, 1),
                commit("c1", "11-16T00:00", null, "carol@example.com", false, 1),
                commit("d1", "11-17T00:00", "dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", true, 1),
                commit("m1", "11-18T00:00", "bob", "bob@example.com", false, 2),
                commit("late", "11-20T00:00", "hank", "hank@example.com", false, 1),
                commit("b1", "10-01T00:00", "bob", "bob@example.com", false, 1),
                commit("b2", "10-02T00:00", "bob", "bob@example.com", false, 1),
                commit("b3", "10-03T00:00", "bob", "bob@example.com", false, 1),
                commit("b4", "10-04T00:00", "bob", "bob@example.com", false, 1),
                commit("v1", "09-01T00:00", "dave", "dave@example.com", false, 1),
                commit("v2", "09-02T00:00", "dave", "dave@example.com", false, 1)));
        return new Commits(SINCE, AS_OF, "workspace clone", Optional.empty(), commits);
    }

    private static PullRequests pulls() {
        Account erin = user("erin");
        Account dependabot = new Account("dependabot", true);
        PullRequests.PullRequest byErin = new PullRequests.PullRequest(1, "A", erin, at("11-14T00:00"), at("11-20T00:00"),
                false, false, at("11-14T00:00"), at("11-16T00:00"), at("11-16T00:00"), "main", 5, 5,
                List.of(new Review(erin, Review.State.COMMENTED, at("11-15T00:00")),            // own review: a contribution
                        new Review(Account.GHOST, Review.State.APPROVED, at("11-15T01:00")),    // ghost: nobody's
                        new Review(new Account("copilot", true), Review.State.COMMENTED, at("11-15T02:00"))),
                List.of(new Comment(user("gina"), at("11-15T00:00")),
                        new Comment(user("hank"), at("11-20T00:00"))),                         // at asOf: out
                at("11-13T00:00"));
        PullRequests.PullRequest byFrank = new PullRequests.PullRequest(2, "B", user("frank"), at("11-01T00:00"),
                at("11-15T00:00"), false, false, at("11-01T00:00"), at("11-15T00:00"), at("11-15T00:00"), "main", 1, 1,
                List.of(), List.of(), at("10-31T00:00"));
        PullRequests.PullRequest byBot = new PullRequests.PullRequest(3, "C", dependabot, at("11-14T00:00"),
                at("11-14T00:00"), false, false, at("11-14T00:00"), null, null, "main", 1, 1,
                List.of(new Review(user("alice"), Review.State.APPROVED, at("11-14T00:00")),  // on a bot's PR: counts
                        new Review(user("bob"), Review.State.PENDING, null)),                    // PENDING: never
                List.of(), at("11-13T00:00"));
        return new PullRequests(SINCE, AS_OF, "main", List.of(byErin, byFrank, byBot));
    }

    private static Issues issues() {
        return new Issues(SINCE, AS_OF, List.of(
                new Issues.Issue(1, user("ivan"), at("11-13T00:00"), null, at("11-13T00:00"), List.of(), List.of()),
                new Issues.Issue(2, Account.GHOST, at("11-14T00:00"), null, at("11-14T00:00"), List.of(),
                        List.of(new Comment(user("alice"), at("11-14T00:00")),
                                new Comment(new Account("renovate", true), at("11-14T01:00"))))));
    }

    private static Datasets data() {
        return new Datasets().with(Commits.class, commits()).with(PullRequests.class, pulls()).with(Issues.class, issues());
    }

    private static Snapshot earlierSnapshot(Instant asOf, List<ContributorStats> rows) {
        return new Snapshot(Snapshot.SCHEMA_VERSION, "octo-org/widgets", asOf, 7, new TreeMap<>(), new TreeMap<>(), rows,
                List.of(), CollectionStats.NONE);
    }

    @Test
    void should_list_one_row_per_active_login_and_merged_pr_author() {
        List<ContributorStats> rows = ContributorRows.compute(data(), WINDOW);

        // Active: alice (commits, a review on the bot's PR, a comment), erin (opened a PR, reviewed her own),
        // gina (a comment), ivan (opened an issue, exactly at the window start). frank only had a PR merged: a row,
        // not active. bob (a PENDING review, a merge commit), hank (at asOf), carol (no linked user), bots, ghosts: none.
        assertThat(rows).containsExactly(
                new ContributorStats("alice", 3, 0, 0, 1, 1, 30, 3),
                new ContributorStats("erin", 0, 1, 1, 1, 0, 0, 0),
                new ContributorStats("frank", 0, 0, 1, 0, 0, 0, 0),
                new ContributorStats("gina", 0, 0, 0, 0, 1, 0, 0),
                new ContributorStats("ivan", 0, 0, 0, 0, 0, 0, 0));
    }

    /**
     * KarlH is known from the clone only as 12345+karlh@users.noreply.github.com (lower-case there), and from
     * the API as KarlH (a PR and a review): one row, spelled as GitHub spells it. Zoe is known only from her
     * no-reply address, 7+ZoeQ@...: her row keeps that case.
     */
    @Test
    void should_merge_a_login_whatever_its_case_and_show_githubs_spelling() {
        Commits clone = new Commits(SINCE, AS_OF, "workspace clone", Optional.empty(), List.of(
                commit("k1", "11-14T00:00", "karlh", "12345+karlh@users.noreply.github.com", false, 1),
                commit("k2", "11-15T00:00", "karlh", "12345+karlh@users.noreply.github.com", false, 1),
                commit("z1", "11-16T00:00", "ZoeQ", "7+zoeq@users.noreply.github.com", false, 1)));
        PullRequests.PullRequest byKarl = new PullRequests.PullRequest(1, "A", user("KarlH"), at("11-14T00:00"),
                at("11-16T00:00"), false, false, at("11-14T00:00"), null, null, "main", 5, 5,
                List.of(new Review(user("zoeq"), Review.State.APPROVED, at("11-15T00:00"))), List.of(), at("11-13T00:00"));
        Datasets data = new Datasets().with(Commits.class, clone)
                .with(PullRequests.class, new PullRequests(SINCE, AS_OF, "main", List.of(byKarl)))
                .with(Issues.class, new Issues(SINCE, AS_OF, List.of()));

        // KarlH: 2 commits of +10 -1, 1 PR opened. zoeq's review is the API's spelling of ZoeQ's login.
        assertThat(ContributorRows.compute(data, WINDOW)).containsExactly(
                new ContributorStats("KarlH", 2, 1, 0, 0, 0, 20, 2),
                new ContributorStats("zoeq", 1, 0, 0, 1, 0, 10, 1));
        // ignore-users matches whatever the case: KARLH drops every contribution of KarlH.
        assertThat(ContributorRows.compute(data, WINDOW, Set.of("KARLH"))).containsExactly(
                new ContributorStats("zoeq", 1, 0, 0, 1, 0, 10, 1));
        // From the API the commits' logins are GitHub's already (zoeq now has only her review).
        Commits api = new Commits(clone.since(), clone.asOf(), "GitHub API", Optional.of("no paths"),
                List.of(commit("k1", "11-14T00:00", "KarlH", "12345+karlh@users.noreply.github.com", false, 1)));
        assertThat(ContributorRows.compute(data.with(Commits.class, api), WINDOW)).containsExactly(
                new ContributorStats("KarlH", 1, 1, 0, 0, 0, 10, 1),
                new ContributorStats("zoeq", 0, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void should_keep_the_case_of_a_no_reply_address_when_the_api_does_not_name_the_person() {
        Commits clone = new Commits(SINCE, AS_OF, "workspace clone", Optional.empty(), List.of(
                commit("z1", "11-16T00:00", "ZoeQ", "7+zoeq@users.noreply.github.com", false, 1)));
        Datasets data = new Datasets().with(Commits.class, clone)
                .with(PullRequests.class, new PullRequests(SINCE, AS_OF, "main", List.of()))
                .with(Issues.class, new Issues(SINCE, AS_OF, List.of()));

        assertThat(ContributorRows.compute(data, WINDOW)).containsExactly(new ContributorStats("ZoeQ", 1, 0, 0, 0, 0, 10, 1));
    }

    @Test
    void should_count_active_and_new_contributors_and_the_bus_factor() {
        // The day before: alice was active; erin's row only says a PR of hers was merged (not active then).
        Snapshot dayBefore = earlierSnapshot(at("11-19T00:00"), List.of(
                new ContributorStats("Alice", 1, 0, 0, 0, 0, 1, 0),
                new ContributorStats("erin", 0, 0, 1, 0, 0, 0, 0)));
        // A snapshot at asOf itself is not earlier.
        Snapshot same = earlierSnapshot(AS_OF, List.of(new ContributorStats("gina", 0, 0, 0, 0, 1, 0, 0)));

        Map<String, Object> values = OutcomeValues.of(new ContributorMetrics().compute(data(), WINDOW, List.of(dayBefore, same)));

        assertThat(values.get("contributors.active")).isEqualTo(4.0); // alice, erin, gina, ivan
        assertThat(values.get("contributors.new")).isEqualTo(3.0);    // erin, gina, ivan
        // Non-merge, non-bot commits of [08-22, 11-20): bob 4, alice 3, dave 2, carol@example.com 1 (10 in all);
        // bob alone has 4 < 5, bob and alice 7 >= 5: 2.
        assertThat(values.get("contributors.bus_factor")).isEqualTo(2.0);
    }

    @Test
    void should_leave_new_contributors_absent_without_an_earlier_snapshot() {
        Map<String, Object> values = OutcomeValues.of(new ContributorMetrics().compute(data(), WINDOW, List.of()));

        assertThat(values.get("contributors.new")).isEqualTo("missing: no earlier snapshot to tell new contributors from returning ones");
    }

    @Test
    void should_leave_ignored_users_out() {
        Map<String, Object> values = OutcomeValues.of(new ContributorMetrics(Set.of("ALICE", "bob")).compute(data(), WINDOW, List.of()));

        assertThat(values.get("contributors.active")).isEqualTo(3.0); // erin, gina, ivan
        // Without alice and bob: dave 2, carol@example.com 1 of 3: dave alone makes 2 >= 1.5.
        assertThat(values.get("contributors.bus_factor")).isEqualTo(1.0);
    }

    @Test
    void should_need_ninety_days_of_commits_for_the_bus_factor() {
        Commits week = new Commits(WINDOW.start(), AS_OF, "GitHub API", Optional.of("no paths"), List.of());
        Datasets data = data().with(Commits.class, week);

        Map<String, Object> values = OutcomeValues.of(new ContributorMetrics().compute(data, WINDOW, List.of()));

        assertThat((String) values.get("contributors.bus_factor")).startsWith("missing: commits were fetched for 2026-11-13")
                .endsWith("(the bus factor needs 90 days)");
        assertThat(values.get("contributors.active")).isEqualTo(4.0);
    }

    @Test
    void should_leave_contributors_absent_when_a_dataset_is_missing() {
        Datasets data = data().without(Issues.class, "GitHub's GraphQL API answered issues with an error (TIMEOUT)");

        Map<String, Object> values = OutcomeValues.of(new ContributorMetrics().compute(data, WINDOW, List.of()));

        assertThat(values.get("contributors.active")).isEqualTo("missing: GitHub's GraphQL API answered issues with an error (TIMEOUT)");
        assertThat(values.get("contributors.bus_factor")).isEqualTo(2.0);
        assertThat(ContributorRows.compute(data, WINDOW)).isEmpty();
    }
}
