package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.runtime.Log;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Writing the history branch of a local bare repository: layout, commits on top, same-day re-runs. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GitBranchStoreTest {
    static final Retry NO_WAIT = new Retry(10, Duration.ofMillis(1), Duration.ofMillis(4), duration -> { });
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T06:30:00Z"), ZoneOffset.UTC);

    @TempDir
    java.nio.file.Path temp;
    private BareRepo remote;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final Log log = Log.create(false, false, new PrintStream(logged, true), new PrintStream(logged, true), System::nanoTime);

    @BeforeEach
    void createRemote() {
        remote = BareRepo.create(temp.resolve("remote.git"));
    }

    @AfterEach
    void closeRemote() {
        remote.close();
    }

    private GitBranchStore store() {
        return new GitBranchStore(remote.remote(), BareRepo.BRANCH, log, CLOCK, NO_WAIT);
    }

    @Test
    void should_create_an_orphan_branch_with_the_contract_layout_on_the_first_run() throws Exception {
        var alpha = Snapshots.of("octo/alpha", "2026-11-20T06:00:00Z", 12);
        var beta = Snapshots.of("octo/beta", "2026-11-20T06:00:00Z", 3);
        var chart = new Chart(new RepoRef("octo", "alpha"), LocalDate.parse("2026-11-20"), "prs-merged",
                new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        SaveResult result = store().save(List.of(alpha, beta), List.of(chart), "123");

        RevCommit commit = remote.tipCommit();
        assertThat(commit.getParentCount()).isZero();
        assertThat(commit.getFullMessage()).isEqualTo("repo-vitals: 2 snapshots for 2026-11-20, 1 chart (run 123)\n");
        assertThat(commit.getCommitterIdent().getName()).isEqualTo("repo-vitals");
        assertThat(commit.getCommitterIdent().getEmailAddress()).isEqualTo("repo-vitals@users.noreply.github.com");
        assertThat(commit.getAuthorIdent().getWhenAsInstant()).isEqualTo(Instant.parse("2026-11-20T06:30:00Z"));
        assertThat(remote.blobs()).containsOnlyKeys(
                "snapshots/octo/alpha/2026/2026-11-20.json",
                "snapshots/octo/beta/2026/2026-11-20.json",
                "charts/octo/alpha/2026-11-20/prs-merged.png");
        assertThat(remote.read("snapshots/octo/alpha/2026/2026-11-20.json")).isEqualTo(SnapshotCodec.write(alpha));
        assertThat(remote.bytes(remote.blobs().get("charts/octo/alpha/2026-11-20/prs-merged.png")))
                .containsExactly(0x89, 'P', 'N', 'G');
        assertThat(result.created()).isTrue();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.commit()).isEqualTo(commit.name());
        // Only the history branch is written: no HEAD move, no tracking ref left behind on the remote.
        assertThat(remote.repository.getRefDatabase().getRefs()).extracting(r -> r.getName())
                .containsExactly(BareRepo.REF);
    }

    @Test
    void should_add_a_commit_on_top_on_a_second_run() throws Exception {
        store().save(List.of(Snapshots.of("octo/alpha", "2026-11-20T06:00:00Z", 12)), List.of(), "1");
        ObjectId first = remote.tip().orElseThrow();

        store().save(List.of(Snapshots.of("octo/alpha", "2026-11-21T06:00:00Z", 13)), List.of(), "2");

        List<RevCommit> log = remote.log();
        assertThat(log).hasSize(2);
        assertThat(log.get(0).getParents()).extracting(ObjectId::copy).containsExactly(first);
        assertThat(log.get(0).getFullMessage()).isEqualTo("repo-vitals: 1 snapshot for 2026-11-21 (run 2)\n");
        assertThat(remote.blobs()).containsOnlyKeys(
                "snapshots/octo/alpha/2026/2026-11-20.json",
                "snapshots/octo/alpha/2026/2026-11-21.json");
    }

    @Test
    void should_replace_only_that_days_file_on_a_same_day_rerun() throws Exception {
        store().save(List.of(Snapshots.of("octo/alpha", "2026-11-19T06:00:00Z", 1),
                Snapshots.of("octo/beta", "2026-11-20T06:00:00Z", 2)), List.of(), "1");
        store().save(List.of(Snapshots.of("octo/alpha", "2026-11-20T06:00:00Z", 3)), List.of(), "2");
        Map<String, ObjectId> before = remote.blobs();

        var rerun = Snapshots.of("octo/alpha", "2026-11-20T09:00:00Z", 4);
        SaveResult result = store().save(List.of(rerun), List.of(), "3");

        Map<String, ObjectId> after = remote.blobs();
        String today = "snapshots/octo/alpha/2026/2026-11-20.json";
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.get(today)).isNotEqualTo(before.get(today));
        assertThat(remote.read(today)).isEqualTo(SnapshotCodec.write(rerun));
        assertThat(after).containsAllEntriesOf(Map.of("snapshots/octo/alpha/2026/2026-11-19.json", before.get("snapshots/octo/alpha/2026/2026-11-19.json"),
                        "snapshots/octo/beta/2026/2026-11-20.json", before.get("snapshots/octo/beta/2026/2026-11-20.json")));
        assertThat(result.written()).containsExactly(today);
        assertThat(remote.log()).hasSize(3);
    }

    @Test
    void should_keep_a_later_snapshot_of_the_same_day_over_an_earlier_one() throws Exception {
        var later = Snapshots.of("octo/alpha", "2026-11-20T09:00:00Z", 9);
        store().save(List.of(later), List.of(), "1");

        SaveResult result = store().save(List.of(Snapshots.of("octo/alpha", "2026-11-20T08:00:00Z", 8)), List.of(), "2");

        assertThat(result.created()).isFalse();
        assertThat(result.kept()).singleElement().satisfies(kept ->
                assertThat(kept.reason()).contains("a later snapshot (asOf 2026-11-20T09:00:00Z)"));
        assertThat(remote.read("snapshots/octo/alpha/2026/2026-11-20.json")).isEqualTo(SnapshotCodec.write(later));
        assertThat(remote.log()).hasSize(1);
    }

    @Test
    void should_make_no_commit_when_the_branch_already_holds_the_same_files() throws Exception {
        var snapshot = Snapshots.of("octo/alpha", "2026-11-20T06:00:00Z", 12);
        SaveResult first = store().save(List.of(snapshot), List.of(), "1");

        SaveResult again = store().save(List.of(snapshot), List.of(), "1");

        assertThat(again.created()).isFalse();
        assertThat(again.commit()).isEqualTo(first.commit());
        assertThat(remote.log()).hasSize(1);
    }

    @Test
    void should_store_backfilled_days_of_several_repositories_in_one_commit() throws Exception {
        List<io.repovitals.model.Snapshot> backfill = List.of(
                Snapshots.of("octo/alpha", "2026-11-18T00:00:00Z", 1),
                Snapshots.of("octo/alpha", "2026-11-19T00:00:00Z", 2),
                Snapshots.of("octo/alpha", "2026-11-20T00:00:00Z", 3),
                Snapshots.of("octo/beta", "2026-11-20T00:00:00Z", 4));

        store().save(backfill, List.of(), "77");

        assertThat(remote.log()).singleElement().satisfies(commit -> assertThat(commit.getFullMessage())
                .isEqualTo("repo-vitals: 4 snapshots for 2026-11-18 to 2026-11-20 (run 77)\n"));
        assertThat(remote.blobs()).hasSize(4);
    }

    @Test
    void should_read_what_it_just_pushed_without_fetching_again() throws Exception {
        GitBranchStore store = store();
        store.save(List.of(Snapshots.of("octo/alpha", "2026-11-20T06:00:00Z", 12)), List.of(), "1");
        // Even with the remote gone, the run's own store still answers from memory.
        java.nio.file.Files.move(remote.dir, temp.resolve("moved-away.git"));

        History history = store.load(new RepoRef("octo", "alpha"));

        assertThat(history.series("prs.merged")).containsExactly(new History.Point(LocalDate.parse("2026-11-20"), 12));
    }

    String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }
}
