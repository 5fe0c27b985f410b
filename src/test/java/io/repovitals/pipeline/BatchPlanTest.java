package io.repovitals.pipeline;

import io.repovitals.bench.OrgFakeGitHub;
import io.repovitals.collect.CollectionRange;
import io.repovitals.config.DoraSource;
import io.repovitals.github.FaultPolicy;
import io.repovitals.github.GitHubClients;
import io.repovitals.github.RequestBudget;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.runtime.Log;
import io.repovitals.snapshot.DaySnapshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: the plan logged at start, and, when the estimate does not fit, what the budget will leave out. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BatchPlanTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(AS_OF, ZoneOffset.UTC);
    private static final int SIZE = 60;
    private static OrgFakeGitHub fake;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Log log = Log.create(true, false, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> 0L);

    @BeforeAll
    static void organisation() throws IOException {
        fake = new OrgFakeGitHub(SIZE, AS_OF, 0);
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    private static Map<RepoRef, CollectionRange> ranges() {
        CollectionRange range = CollectionRange.of(DaySnapshots.windows(AS_OF, 0, 7));
        Map<RepoRef, CollectionRange> ranges = new LinkedHashMap<>();
        for (int i = 0; i < SIZE; i++) {
            if (i % 20 != 7) { // the fake's archived ones, which the selection leaves out
                ranges.put(RepoRef.parse(String.format("%s/svc-%04d", OrgFakeGitHub.ORG, i)), range);
            }
        }
        return ranges;
    }

    private static GitHubClients clients(RequestBudget budget) {
        URI api = fake.api();
        return GitHubClients.create(api, URI.create(api + "/graphql"), Secret.of("t"), budget,
                FaultPolicy.defaults(FaultPolicy.DEFAULT_MAX_RESET_WAIT, Clock.systemUTC()));
    }

    private String logged() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private BatchPlan plan(int rateLimit, RequestBudget budget) {
        fake.rateLimit(rateLimit);
        return BatchPlan.make(clients(budget), CLOCK, ranges(), "production", new DoraSource.Deployments(), true, log);
    }

    private List<String> warnings() {
        return logged().lines().filter(line -> line.startsWith("::warning::")).toList();
    }

    @Test
    void should_log_the_plan_and_leave_nothing_out_when_the_estimate_fits() {
        BatchPlan plan = plan(5000, RequestBudget.unlimited());

        // 60 repositories less the 3 archived (7, 27, 47) = 57, in 2 batches (50 + 7). The first batch's cost is
        // 50 x 73 pages / 100 = 36.5, rounded to 37, so 5000 - 37 = 4963 points left.
        assertThat(plan.batchRequests()).isEqualTo(2);
        assertThat(logged()).contains("plan: 57 repositories, ").contains("budget: 4963 GraphQL points left");
        assertThat(warnings()).isEmpty();
        assertThat(plan.leftOut()).isEmpty();
    }

    @Test
    void should_count_two_requests_for_each_quiet_repository_whose_weekly_traffic_is_due() {
        fake.rateLimit(5000);
        BatchPlan.make(clients(RequestBudget.unlimited()), CLOCK, ranges(), "production", new DoraSource.Deployments(),
                true, repo -> false, log);
        BatchPlan.make(clients(RequestBudget.unlimited()), CLOCK, ranges(), "production", new DoraSource.Deployments(),
                true, repo -> true, log);

        List<String> plans = logged().lines().filter(l -> l.startsWith("plan: ")).toList();
        assertThat(plans).hasSize(2);
        int quiet = Integer.parseInt(plans.get(0).replaceAll(".*repositories, (\\d+) quiet.*", "$1"));
        assertThat(quiet).isPositive();
        assertThat(plans.get(0)).contains("; 0 of them fetch their weekly traffic)");
        assertThat(plans.get(1)).contains("; " + quiet + " of them fetch their weekly traffic)");
        // Views and clones: 2 requests for each quiet repository, the rest of the estimate unchanged.
        assertThat(estimate(plans.get(1)) - estimate(plans.get(0))).isEqualTo(2 * quiet);
    }

    private static int estimate(String plan) {
        return Integer.parseInt(plan.replaceAll(".*; about (\\d+) more requests.*", "$1"));
    }

    @Test
    void should_name_what_a_small_rate_limit_leaves_out_in_the_order_it_cuts() {
        // 38 points: 1 left after the first batch's 37, so every active repository is cut, the first one in part.
        BatchPlan plan = plan(38, RequestBudget.unlimited());

        String line = logged().lines().filter(l -> l.startsWith("plan: ")).findFirst().orElseThrow();
        int active = Integer.parseInt(line.replaceAll(".* quiet \\(.*\\), (\\d+) active.*", "$1"));
        List<RepoRef> leftOut = plan.leftOut();
        assertThat(leftOut).hasSize(active);
        assertThat(leftOut).isSortedAccordingTo((a, b) -> a.fullName().compareTo(b.fullName()));
        // Light and busy repositories have activity in the window by the fake's shape, so they are among the cut.
        for (int i = 0; i < SIZE; i++) {
            OrgFakeGitHub.Kind kind = OrgFakeGitHub.kind(i);
            if (i % 20 != 7 && (kind == OrgFakeGitHub.Kind.LIGHT || kind == OrgFakeGitHub.Kind.BUSY)) {
                assertThat(leftOut).contains(RepoRef.parse(String.format("acme/svc-%04d", i)));
            }
        }
        assertThat(warnings()).hasSize(1);
        String warning = warnings().get(0);
        assertThat(warning).contains("but 1 GraphQL points left")
                .contains("before the last " + active + " active repositories in name order")
                // The first active repository gets the 1 request left: it loses its last datasets, traffic first.
                .contains(leftOut.get(0) + " (its last datasets, from traffic, then ")
                .contains(leftOut.get(1) + " (all of ")
                // 10 named, the rest counted.
                .contains("; and " + (active - BatchPlan.NAMES_SHOWN) + " more after them in name order")
                .doesNotContain(leftOut.get(BatchPlan.NAMES_SHOWN).fullName())
                .contains("job summary's gap table");
    }

    @Test
    void should_cut_only_the_last_active_repositories_under_a_rate_limit_budget() {
        List<RepoRef> everyActive = plan(38, RequestBudget.unlimited()).leftOut();
        out.reset();

        // 2 requests for the batches, then room for 70 of the estimate's requests.
        BatchPlan plan = plan(5000, RequestBudget.of(2 + 70));

        List<RepoRef> leftOut = plan.leftOut();
        // The cut is a tail of the active repositories in name order: those collected last.
        assertThat(leftOut).isNotEmpty().hasSizeLessThan(everyActive.size());
        assertThat(leftOut).isEqualTo(everyActive.subList(everyActive.size() - leftOut.size(), everyActive.size()));
        assertThat(warnings()).singleElement().asString().contains("but 70 rate-limit-budget requests left");
    }
}
