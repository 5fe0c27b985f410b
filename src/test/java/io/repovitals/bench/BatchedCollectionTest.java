package io.repovitals.bench;

import io.repovitals.TestClients;
import io.repovitals.collect.BatchedCollector;
import io.repovitals.collect.BatchedRepository;
import io.repovitals.collect.CollectionRange;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.GitFetch;
import io.repovitals.collect.RepositoryBatch;
import io.repovitals.collect.RepositoryCollector;
import io.repovitals.config.DoraSource;
import io.repovitals.github.GitHubClients;
import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Secret;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;
import io.repovitals.snapshot.DaySnapshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the batched path ({@link RepositoryBatch} then {@link BatchedCollector}) against the per-repository
 * path ({@link RepositoryCollector}) on the same fake organisation ({@link OrgFakeGitHub}, no latency): the
 * same metric values, missing reasons and contributors for every repository, but for the traffic a quiet
 * repository leaves out; and no request of its own for a quiet repository.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BatchedCollectionTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(AS_OF, ZoneOffset.UTC);
    private static OrgFakeGitHub fake;

    @BeforeAll
    static void organisation() throws IOException {
        // 60 repositories (OrgFakeGitHub.kind): 3 archived (7, 27, 47), 2 empty (11, 36), 3 busy (5, 25, 45), 15 light, 37 quiet; 6 forks.
        fake = new OrgFakeGitHub(60, AS_OF, 0);
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    @ParameterizedTest(name = "backfill {0} days")
    @ValueSource(ints = {0, 30})
    void should_give_every_repository_the_metrics_of_the_per_repository_path(int backfillDays) {
        List<Window> windows = DaySnapshots.windows(AS_OF, backfillDays, 7);
        CollectionRange range = CollectionRange.of(windows);
        List<OrgFakeGitHub.Member> members = fake.members().stream().filter(member -> !member.archived()).toList();
        List<RepoRef> repos = members.stream().map(member -> RepoRef.parse(OrgFakeGitHub.ORG + "/" + member.name())).toList();

        GitHubClients batchClients = clients();
        RepositoryBatch.Answer answer = new RepositoryBatch(CLOCK).fetch(batchClients, repos, range, "production");
        // 57 repositories: 50 in the first request, 7 in the second; every one answered.
        assertThat(answer.requests()).isEqualTo(2);
        assertThat(answer.repositories()).hasSize(57);
        assertThat(answer.failures()).isEmpty();

        int quiet = 0;
        for (int i = 0; i < members.size(); i++) {
            OrgFakeGitHub.Member member = members.get(i);
            RepoRef repo = repos.get(i);
            GitHubClients perRepository = clients();
            Datasets expected = new RepositoryCollector(CLOCK, () -> 0L, Optional.empty(), GitFetch.NEVER,
                    new DoraSource.Deployments(), "production").fetch(perRepository, repo, range);
            GitHubClients batched = clients();
            fake.reset();
            BatchedRepository state = answer.repositories().get(repo);
            BatchedCollector.Collected actual = new BatchedCollector(CLOCK, () -> 0L, Optional.empty(), GitFetch.NEVER,
                    new DoraSource.Deployments(), "production").fetch(batched, repo, range, state);

            Snapshot want = own(repo, expected, windows);
            Snapshot got = own(repo, actual.data(), windows);
            String what = repo + " (" + member.kind() + ", collected " + actual.collected() + ")";
            if (actual.quiet()) {
                quiet++;
                // Nothing but the follow-up of an open issue's or PR's overflowing comments or labels, as the collector would.
                assertThat(fake.counts().keySet()).as(what).isSubsetOf("graphql IssueMore", "graphql PullRequestMore");
                assertThat(member.kind()).as(what).isIn(OrgFakeGitHub.Kind.QUIET, OrgFakeGitHub.Kind.EMPTY);
                assertThat(withoutTraffic(got.missing())).as(what).isEqualTo(withoutTraffic(want.missing()));
                assertThat(got.missing()).as(what).containsEntry("traffic.views", BatchedCollector.QUIET_TRAFFIC);
                assertThat(withoutTraffic(got.metrics())).as(what).isEqualTo(withoutTraffic(want.metrics()));
            } else {
                assertThat(got.metrics()).as(what).isEqualTo(want.metrics());
                assertThat(got.missing()).as(what).isEqualTo(want.missing());
                assertThat(got.traffic()).as(what).isEqualTo(want.traffic());
                // Never more than the per-repository path, which also asks for what the batch settled.
                assertThat(batched.requests().total()).as(what).isLessThanOrEqualTo(perRepository.requests().total());
            }
            assertThat(got.contributors()).as(what).isEqualTo(want.contributors());
        }
        // Of the 57: 37 quiet and 2 empty by the fake's shape; a quiet one whose head commit has no decided
        // run (the anchor of ci.default_branch_passing) goes to the collector for its runs, so not all 39.
        assertThat(quiet).isBetween(25, 39);
    }

    private static GitHubClients clients() {
        return TestClients.create(fake.api(), java.net.URI.create(fake.api() + "/graphql"), Secret.of("t"));
    }

    private static Snapshot own(RepoRef repo, Datasets data, List<Window> windows) {
        List<Snapshot> days = DaySnapshots.compute(repo, data, windows, MetricCatalog.families(), Set.of(), List.of(),
                CollectionStats.NONE);
        return days.get(days.size() - 1);
    }

    private static <V> Map<String, V> withoutTraffic(Map<String, V> values) {
        Map<String, V> kept = new TreeMap<>(values);
        kept.keySet().removeIf(key -> key.startsWith("traffic."));
        return kept;
    }
}
