package io.repovitals.export;

import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;
import io.repovitals.runtime.Log;
import io.repovitals.store.GitBranchStore;
import io.repovitals.store.History;
import io.repovitals.store.HistoryRemote;
import org.eclipse.jgit.api.Git;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-built snapshots stored in a local bare repository and read back through the real store,
 * so that exports are tested on what {@code load} returns. The values are chosen so that expected
 * results can be worked out by hand (see each test).
 */
final class ExportHistories {
    static final String BRANCH = "repo-vitals-data";
    static final String REASON_WITH_QUOTES = "needs a token with \"push\" access, see docs (HTTP 403)\nsecond line";

    private ExportHistories() {}

    static Snapshot snapshot(String repository, String asOf, Map<String, Number> metrics, Map<String, String> missing,
                             List<ContributorStats> contributors, List<TrafficDay> traffic) {
        return new Snapshot(Snapshot.SCHEMA_VERSION, repository, Instant.parse(asOf), 7, new TreeMap<>(metrics),
                new TreeMap<>(missing), contributors, traffic, new CollectionStats(23, 12, 1234, false));
    }

    /**
     * octo-org/widgets: three days, time to merge p50 5.5, 12.25, 2.0 (median 5.5), traffic missing
     * on the first day with a reason holding a comma, quotes and a line break.
     * acme/rocket: three days, time to merge p50 missing, 10.0, 7.0 (median of the measured days 8.5).
     */
    static List<Snapshot> sample() {
        return List.of(
                snapshot("octo-org/widgets", "2026-11-18T00:00:00Z",
                        Map.of("prs.merged", 3L, "prs.time_to_merge_hours.p50", 5.5),
                        Map.of("traffic.views", REASON_WITH_QUOTES), List.of(), List.of()),
                snapshot("octo-org/widgets", "2026-11-19T00:00:00Z",
                        Map.of("prs.merged", 0L, "prs.time_to_merge_hours.p50", 12.25), Map.of(),
                        List.of(new ContributorStats("octocat", 3, 1, 1, 2, 4, 120, 7),
                                new ContributorStats("hubot-fan", 0, 2, 0, 1, 0, 0, 0)),
                        List.of(new TrafficDay(LocalDate.parse("2026-11-18"), 40, 12, 3, 2))),
                snapshot("octo-org/widgets", "2026-11-20T00:00:00Z",
                        Map.of("prs.merged", 4L, "prs.time_to_merge_hours.p50", 2.0, "ci.failure_rate", 0.125),
                        Map.of(), List.of(), List.of()),
                snapshot("acme/rocket", "2026-11-18T00:00:00Z", Map.of("prs.merged", 0L),
                        Map.of("prs.time_to_merge_hours.p50", "no pull request merged in the window"), List.of(), List.of()),
                snapshot("acme/rocket", "2026-11-19T00:00:00Z",
                        Map.of("prs.merged", 1L, "prs.time_to_merge_hours.p50", 10.0), Map.of(), List.of(), List.of()),
                snapshot("acme/rocket", "2026-11-20T06:30:00Z",
                        Map.of("prs.merged", 2L, "prs.time_to_merge_hours.p50", 7.0), Map.of(), List.of(), List.of()));
    }

    /** Creates a bare repository at {@code dir} whose history branch holds {@code snapshots}. */
    static Path store(Path dir, List<Snapshot> snapshots) throws Exception {
        Git.init().setBare(true).setDirectory(dir.toFile()).call().close();
        new GitBranchStore(HistoryRemote.local(dir), BRANCH, quietLog(), java.time.Clock.systemUTC(), io.repovitals.store.Retry.defaults()).save(snapshots, List.of(), "test");
        return dir;
    }

    /** The histories of {@code repositories} as the store reads them back, in the order given. */
    static List<History> load(Path bare, String... repositories) {
        GitBranchStore store = new GitBranchStore(HistoryRemote.local(bare), BRANCH, quietLog(), java.time.Clock.systemUTC(), io.repovitals.store.Retry.defaults());
        return java.util.Arrays.stream(repositories).map(name -> store.load(RepoRef.parse(name))).toList();
    }

    static Log quietLog() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true);
        return Log.create(false, false, sink, sink, System::nanoTime);
    }
}
