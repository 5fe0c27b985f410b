package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.runtime.Log;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark helper, not a test (bench/history.sh breakdown): where a fresh run's 20-repository
 * load spends its time, in one cold JVM: fetch alone, the tree walk and blob reads, the parse.
 * Usage: HistoryPhases DIR [repositories]; seeds DIR/N.git once and reuses it.
 */
public final class HistoryPhases {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int repositories = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path bare = dir.resolve(repositories + ".git");
        List<RepoRef> repos = new ArrayList<>();
        for (int i = 0; i < repositories; i++) {
            repos.add(new RepoRef("bench-org", "repo-" + i));
        }
        if (!Files.exists(bare)) {
            try (BareRepo remote = BareRepo.create(bare)) {
                HistoryBench.seed(remote, repos);
            }
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Log log = Log.create(false, false, nowhere, nowhere, System::nanoTime);
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T06:00:00Z"), ZoneOffset.UTC);

        if (args.length > 2 && args[2].equals("bench")) { // what bench/history.sh times: a fresh store, fetch + load all
            long begin = System.nanoTime();
            GitBranchStore fresh = new GitBranchStore(HistoryRemote.local(bare), BareRepo.BRANCH, log, clock, Retry.defaults());
            int files = 0;
            for (RepoRef repo : repos) {
                files += fresh.load(repo).snapshots().size();
            }
            System.out.printf(Locale.ROOT, "repos %d files %d: fetch + load %.2f s%n", repositories, files, seconds(begin));
            return;
        }
        long start = System.nanoTime();
        GitBranchStore store = new GitBranchStore(HistoryRemote.local(bare), BareRepo.BRANCH, log, clock, Retry.defaults());
        store.load(repos.get(0), LocalDate.of(9999, 1, 1)); // skips every file by name: the fetch alone
        double fetch = seconds(start);

        start = System.nanoTime();
        List<byte[]> blobs = new ArrayList<>();
        long bytes = 0;
        try (ObjectReader reader = store.repository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            ObjectId tip = store.repository().exactRef("refs/remotes/origin/" + BareRepo.BRANCH).getObjectId();
            for (RepoRef repo : repos) {
                try (TreeWalk tree = new TreeWalk(reader)) {
                    tree.addTree(walk.parseCommit(tip).getTree());
                    tree.setRecursive(true);
                    tree.setFilter(PathFilter.create("snapshots/" + repo.fullName()));
                    while (tree.next()) {
                        byte[] blob = reader.open(tree.getObjectId(0)).getCachedBytes(Integer.MAX_VALUE);
                        bytes += blob.length;
                        blobs.add(blob);
                    }
                }
            }
        }
        double read = seconds(start);

        start = System.nanoTime();
        List<Snapshot> parsed = blobs.parallelStream().map(blob -> {
            try {
                return SnapshotCodec.read(blob);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        double parse = seconds(start);

        start = System.nanoTime();
        int loaded = 0;
        for (RepoRef repo : repos) {
            loaded += store.load(repo).snapshots().size();
        }
        double again = seconds(start);
        System.out.printf(Locale.ROOT, "repos %d files %d (%d KB): fetch %.2f s, walk+read %.2f s, parse (parallel, cold) %.2f s,"
                + " then load() all again %.2f s%n", repositories, parsed.size(), bytes / 1024, fetch, read, parse, again);
        if (loaded != parsed.size()) {
            throw new IllegalStateException("loaded " + loaded + ", parsed " + parsed.size());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
