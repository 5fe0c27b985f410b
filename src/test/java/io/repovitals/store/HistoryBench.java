package io.repovitals.store;

import io.repovitals.model.CollectionStats;
import io.repovitals.model.ContributorStats;
import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.model.TrafficDay;
import io.repovitals.runtime.Log;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark, not a test (bench/history.sh): 3 years of daily snapshots of 1 and of 20 repositories,
 * stored as one commit per day in a bare repository, then read back as a run would: a fresh store
 * fetches the branch and loads every repository's history. Prints files, seconds and peak heap. Then
 * (issue 19) the whole history step of a weekly run and of a run after a 30-day gap, twice each.
 */
public final class HistoryBench {
    private static final int DAYS = 1095;
    private static final LocalDate FIRST = LocalDate.parse("2023-11-22");

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("repo-vitals-bench");
        System.out.println("| repositories | files | fetch + load s | load only s | save on top s | peak heap MB |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int repositories : new int[] {1, 20}) {
            run(dir.resolve(repositories + ".git"), repositories);
        }
        historySteps(dir.resolve("20.git"), 20);
        org.eclipse.jgit.util.FileUtils.delete(dir.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
    }

    /**
     * Issue 19: a run's whole history step on the 20 repositories x 3 years, each on its own copy of the
     * branch as {@link #run} left it (last day 2026-11-21): a fresh store fetches the tip and loads every repository, then
     * saves the run's snapshots in one commit (fetching the whole branch to build on it) and pushes. A
     * weekly run (asOf 7 days after the last stored day) stores its day and fills the 6 between; a run
     * after a 30-day gap stores its day and fills 30.
     */
    private static void historySteps(Path seeded, int repositories) throws Exception {
        List<RepoRef> repos = new ArrayList<>();
        for (int i = 0; i < repositories; i++) {
            repos.add(new RepoRef("bench-org", "repo-" + i));
        }
        System.out.println();
        System.out.println("| run (" + repositories + " repositories x 3 years) | snapshots saved | fetch + load s"
                + " | save + push s | history step s |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int[] run : new int[][] {{7, 1}, {7, 2}, {31, 1}, {31, 2}}) {
            int daysAfterLast = run[0];
            Path copy = seeded.resolveSibling("step-" + daysAfterLast + "-" + run[1] + ".git");
            copyTree(seeded, copy);
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
            Log log = Log.create(false, false, nowhere, nowhere, System::nanoTime);
            Clock clock = Clock.fixed(Instant.parse("2026-11-22T06:00:00Z"), ZoneOffset.UTC);

            System.gc();
            long start = System.nanoTime();
            GitBranchStore store = new GitBranchStore(HistoryRemote.local(copy), BareRepo.BRANCH, log, clock, Retry.defaults());
            List<Snapshot> toSave = new ArrayList<>();
            for (RepoRef repo : repos) {
                History history = store.load(repo);
                LocalDate latest = History.day(history.latest().orElseThrow());
                // What the run computes from its one fetch: the days after the latest stored one, up to its own.
                for (LocalDate day = latest.plusDays(1); !day.isAfter(latest.plusDays(daysAfterLast)); day = day.plusDays(1)) {
                    toSave.add(snapshot(repo, day, (int) day.toEpochDay()));
                }
            }
            double fetchLoad = seconds(start);
            long saveStart = System.nanoTime();
            SaveResult saved = store.save(toSave, List.of(), "bench");
            double save = seconds(saveStart);
            double step = seconds(start);
            if (!saved.created() || toSave.size() != daysAfterLast * repositories) {
                throw new IllegalStateException("saved " + toSave.size() + " snapshots, pushed " + saved.created());
            }
            System.out.printf(Locale.ROOT, "| %s (run %d) | %d | %.2f | %.2f | %.2f |%n",
                    daysAfterLast == 7 ? "weekly: own day + 6 filled" : "30-day gap: own day + 30 filled", run[1],
                    toSave.size(), fetchLoad, save, step);
            org.eclipse.jgit.util.FileUtils.delete(copy.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void run(Path bare, int repositories) throws Exception {
        List<RepoRef> repos = new ArrayList<>();
        for (int i = 0; i < repositories; i++) {
            repos.add(new RepoRef("bench-org", "repo-" + i));
        }
        try (BareRepo remote = BareRepo.create(bare)) {
            seed(remote, repos);
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Log log = Log.create(false, false, nowhere, nowhere, System::nanoTime);
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T06:00:00Z"), ZoneOffset.UTC);

        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        GitBranchStore store = new GitBranchStore(HistoryRemote.local(bare), BareRepo.BRANCH, log, clock, Retry.defaults());
        int files = 0;
        List<History> histories = new ArrayList<>();
        for (RepoRef repo : repos) {
            History history = store.load(repo);
            files += history.snapshots().size() + history.unreadable().size();
            histories.add(history);
        }
        double cold = seconds(start);
        long peak = peakHeapMb();

        start = System.nanoTime();
        for (RepoRef repo : repos) {
            store.load(repo);
        }
        double warm = seconds(start);

        start = System.nanoTime();
        List<Snapshot> today = new ArrayList<>();
        for (RepoRef repo : repos) {
            today.add(snapshot(repo, FIRST.plusDays(DAYS), DAYS));
        }
        new GitBranchStore(HistoryRemote.local(bare), BareRepo.BRANCH, log, clock, Retry.defaults())
                .save(today, List.of(), "bench");
        double save = seconds(start);

        if (files != DAYS * repositories || histories.get(0).snapshots().size() != DAYS) {
            throw new IllegalStateException("read " + files + " files, expected " + DAYS * repositories);
        }
        System.out.printf(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.2f | %d |%n", repositories, files, cold, warm, save, peak);
    }

    /** One commit per day, built in memory and pushed once, the way the branch grows over 3 years. */
    static void seed(BareRepo remote, List<RepoRef> repos) throws Exception {
        Repository memory = new InMemoryRepository.Builder()
                .setRepositoryDescription(new DfsRepositoryDescription("seed")).setFS(FS.DETECTED).build();
        for (int day = 0; day < DAYS; day++) {
            Map<String, byte[]> files = new TreeMap<>();
            for (RepoRef repo : repos) {
                Snapshot snapshot = snapshot(repo, FIRST.plusDays(day), day);
                files.put(HistoryLayout.snapshotPath(snapshot), SnapshotCodec.write(snapshot).getBytes(StandardCharsets.UTF_8));
            }
            BareRepo.commitFiles(memory, files, new PersonIdent(GitBranchStore.NAME, GitBranchStore.EMAIL),
                    "repo-vitals: day " + day + "\n");
        }
        try (Transport transport = Transport.open(memory, new URIish(remote.dir.toString()))) {
            transport.push(NullProgressMonitor.INSTANCE,
                    Transport.findRemoteRefUpdatesFor(memory, List.of(new RefSpec(BareRepo.REF + ":" + BareRepo.REF)), List.of()));
        }
    }

    /** A snapshot about the size of a real one: 40 metrics, 5 contributors, 14 traffic days. */
    static Snapshot snapshot(RepoRef repo, LocalDate day, int seed) {
        Map<String, Number> metrics = new LinkedHashMap<>();
        for (int m = 0; m < 40; m++) {
            metrics.put("bench.metric_" + m, m % 2 == 0 ? (Number) (long) (seed + m) : (Number) ((seed * 0.37 + m) % 97));
        }
        List<ContributorStats> contributors = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            contributors.add(new ContributorStats("user" + c, c + seed % 7, c, c, c * 2, c * 3, 100L * c, 7L * c));
        }
        List<TrafficDay> traffic = new ArrayList<>();
        for (int t = 14; t > 0; t--) {
            traffic.add(new TrafficDay(day.minusDays(t), 40 + t, 12, 3, 2));
        }
        return new Snapshot(Snapshot.SCHEMA_VERSION, repo.fullName(), day.atStartOfDay(ZoneOffset.UTC).toInstant(), 7,
                new TreeMap<>(metrics), new TreeMap<>(Map.of("traffic.views", "needs push access (HTTP 403)")),
                contributors, traffic, new CollectionStats(23, 12, 1234, false));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
