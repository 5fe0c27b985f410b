package io.repovitals.store;

import io.repovitals.runtime.Log;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs that push to the same history at the same time (matrix shards, overlapping schedules). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConcurrentRunsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T06:30:00Z"), ZoneOffset.UTC);
    // Real but short waits: enough to let the runs interleave differently on every retry.
    private static final Retry SHORT = new Retry(20, Duration.ofMillis(5), Duration.ofMillis(80),
            duration -> Thread.sleep(duration.toMillis()));

    @TempDir
    Path temp;

    private static Log quietLog() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return Log.create(false, false, nowhere, nowhere, System::nanoTime);
    }

    private static List<SaveResult> runAtOnce(List<java.util.concurrent.Callable<SaveResult>> runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<SaveResult>> futures = new ArrayList<>();
            for (var run : runs) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return run.call();
                }));
            }
            start.countDown();
            List<SaveResult> results = new ArrayList<>();
            for (Future<SaveResult> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_land_all_of_8_runs_pushing_at_the_same_time() throws Exception {
        try (BareRepo remote = BareRepo.create(temp.resolve("remote.git"))) {
            // One commit already there, so that every run starts from the same non-empty tip.
            new GitBranchStore(remote.remote(), BareRepo.BRANCH, quietLog(), CLOCK, SHORT)
                    .save(List.of(Snapshots.of("octo/seed", "2026-11-19T06:00:00Z", 0)), List.of(), "0");
            List<java.util.concurrent.Callable<SaveResult>> runs = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int run = i;
                runs.add(() -> new GitBranchStore(remote.remote(), BareRepo.BRANCH, quietLog(), CLOCK, SHORT)
                        .save(List.of(Snapshots.of("octo/repo" + run, "2026-11-20T06:00:00Z", run)), List.of(), "r" + run));
            }

            List<SaveResult> results = runAtOnce(runs);

            assertThat(results).allMatch(SaveResult::created);
            for (int i = 1; i <= 8; i++) {
                assertThat(remote.read("snapshots/octo/repo" + i + "/2026/2026-11-20.json"))
                        .contains("\"prs.merged\" : " + i);
            }
            assertThat(remote.blobs()).hasSize(9);
            List<RevCommit> log = remote.log();
            // seed + 8, in a straight line: every run's commit is in the branch's history, none was overwritten.
            assertThat(log).hasSize(9);
            assertThat(log).allMatch(commit -> commit.getParentCount() <= 1);
            assertThat(log).extracting(RevCommit::name)
                    .containsAll(results.stream().map(SaveResult::commit).toList());
            assertThat(log).extracting(RevCommit::getShortMessage)
                    .containsExactlyInAnyOrder("repo-vitals: 1 snapshot for 2026-11-19 (run 0)",
                            "repo-vitals: 1 snapshot for 2026-11-20 (run r1)", "repo-vitals: 1 snapshot for 2026-11-20 (run r2)",
                            "repo-vitals: 1 snapshot for 2026-11-20 (run r3)", "repo-vitals: 1 snapshot for 2026-11-20 (run r4)",
                            "repo-vitals: 1 snapshot for 2026-11-20 (run r5)", "repo-vitals: 1 snapshot for 2026-11-20 (run r6)",
                            "repo-vitals: 1 snapshot for 2026-11-20 (run r7)", "repo-vitals: 1 snapshot for 2026-11-20 (run r8)");
            // With 8 runs starting together on one tip, at most one can land first time: the others retried.
            assertThat(results.stream().mapToInt(SaveResult::attempts).sum()).isGreaterThan(8);
        }
    }

    @Test
    void should_keep_the_later_snapshot_when_two_runs_of_the_same_day_race() throws Exception {
        try (BareRepo remote = BareRepo.create(temp.resolve("remote.git"))) {
            var early = Snapshots.of("octo/alpha", "2026-11-20T06:00:00Z", 6);
            var late = Snapshots.of("octo/alpha", "2026-11-20T18:00:00Z", 18);
            List<java.util.concurrent.Callable<SaveResult>> runs = List.of(
                    () -> new GitBranchStore(remote.remote(), BareRepo.BRANCH, quietLog(), CLOCK, SHORT)
                            .save(List.of(early, Snapshots.of("octo/beta", "2026-11-20T06:00:00Z", 1)), List.of(), "early"),
                    () -> new GitBranchStore(remote.remote(), BareRepo.BRANCH, quietLog(), CLOCK, SHORT)
                            .save(List.of(late), List.of(), "late"));

            runAtOnce(runs);

            // Whichever pushed last, the later snapshot is the one stored, and the other file of the early run stays.
            assertThat(remote.read("snapshots/octo/alpha/2026/2026-11-20.json")).isEqualTo(SnapshotCodec.write(late));
            assertThat(remote.blobs()).containsKey("snapshots/octo/beta/2026/2026-11-20.json");
            ObjectId tip = remote.tip().orElseThrow();
            assertThat(tip).isNotNull();
        }
    }
}
