package io.repovitals;

import io.repovitals.collect.RepositorySelection;
import io.repovitals.config.Shard;
import io.repovitals.model.CollectionStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.runtime.Log;
import io.repovitals.store.GitBranchStore;
import io.repovitals.store.HistoryRemote;
import org.eclipse.jgit.api.Git;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * An organisation's history for the merge tests: 30 repositories of my-org and 10 of acme, ten daily
 * snapshots each (2026-11-11 to 2026-11-20), stored in a bare repository either by one run or by
 * several shard runs at once, as a matrix workflow's jobs store theirs.
 */
public final class OrgHistories {
    public static final String BRANCH = "repo-vitals-data";
    public static final Instant LAST_DAY = Instant.parse("2026-11-20T00:00:00Z");
    public static final int DAYS = 10;

    private OrgHistories() {}

    /** my-org/service-01 .. my-org/service-30, then acme/tool-01 .. acme/tool-10. */
    public static List<RepoRef> repositories() {
        List<RepoRef> repositories = new ArrayList<>();
        IntStream.rangeClosed(1, 30).forEach(i -> repositories.add(new RepoRef("my-org", String.format("service-%02d", i))));
        IntStream.rangeClosed(1, 10).forEach(i -> repositories.add(new RepoRef("acme", String.format("tool-%02d", i))));
        return repositories;
    }

    /**
     * The {@code index}-th repository's (1-based) snapshots, oldest first. Values differ between
     * repositories so that health scores and ranks differ; on the last day repo.forks is 10 * index + 9.
     */
    public static List<Snapshot> snapshots(RepoRef repo, int index) {
        List<Snapshot> days = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            Map<String, Number> metrics = new TreeMap<>();
            metrics.put("contributors.active", 1 + (index * 7) % 13);
            metrics.put("prs.merged", (index * 5) % 11 + day % 3);
            metrics.put("prs.time_to_first_review_hours.p50", 2 + (index * 3) % 17 + 0.5 * day);
            metrics.put("issues.stale", index % 9);
            metrics.put("repo.forks", 10 * index + day);
            metrics.put("repo.stars", 100 + 3 * index + day);
            days.add(new Snapshot(Snapshot.SCHEMA_VERSION, repo.fullName(),
                    LAST_DAY.minus(Duration.ofDays(DAYS - 1 - day)), 7, new TreeMap<>(metrics), new TreeMap<>(),
                    List.of(), List.of(), CollectionStats.NONE));
        }
        return days;
    }

    /** A new empty bare repository at {@code dir}. */
    public static Path bareRemote(Path dir) throws Exception {
        Git.init().setBare(true).setDirectory(dir.toFile()).call().close();
        return dir;
    }

    /** Every repository's snapshots stored by one run. */
    public static void storeUnsharded(Path remote, List<RepoRef> repositories) {
        store(remote, repositories, repositories, "unsharded");
    }

    /** Each of {@code shards} runs stores only the repositories of its shard (config/Shard), all at once. */
    public static void storeSharded(Path remote, List<RepoRef> repositories, int shards) {
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int index = 1; index <= shards; index++) {
            List<RepoRef> own = RepositorySelection.shard(repositories, new Shard(index, shards));
            String runId = "shard-" + index;
            runs.add(CompletableFuture.runAsync(() -> store(remote, repositories, own, runId)));
        }
        runs.forEach(CompletableFuture::join);
    }

    private static void store(Path remote, List<RepoRef> all, List<RepoRef> own, String runId) {
        List<Snapshot> snapshots = new ArrayList<>();
        for (RepoRef repo : own) {
            snapshots.addAll(snapshots(repo, all.indexOf(repo) + 1));
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        new GitBranchStore(HistoryRemote.local(remote), BRANCH, Log.create(false, false, quiet, quiet, System::nanoTime), java.time.Clock.systemUTC(), io.repovitals.store.Retry.defaults())
                .save(snapshots, List.of(), runId);
    }
}
