package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.runtime.Log;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a repository's history back, and files this program cannot read. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HistoryLoadTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T06:30:00Z"), ZoneOffset.UTC);
    private static final RepoRef ALPHA = new RepoRef("octo", "alpha");
    private static final String CORRUPT_PATH = "snapshots/octo/alpha/2026/2026-11-21.json";
    private static final byte[] CORRUPT = "{\"schemaVersion\": 1, \"repository\": \"octo/alpha\", \"asOf\": \"2026-11-21T0"
            .getBytes(StandardCharsets.UTF_8);
    private static final String NEWER_PATH = "snapshots/octo/alpha/2026/2026-11-22.json";
    private static final byte[] NEWER = ("{\"schemaVersion\": 2, \"repository\": \"octo/alpha\", \"asOf\": \"2026-11-22T06:00:00Z\","
            + " \"metrics\": {\"prs.merged\": {\"value\": 7}}}\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;
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
        return new GitBranchStore(remote.remote(), BareRepo.BRANCH, log, CLOCK, GitBranchStoreTest.NO_WAIT);
    }

    @Test
    void should_load_every_snapshot_of_a_repository_in_date_order() {
        // Stored out of order and across a year boundary, with another repository beside it.
        store().save(List.of(Snapshots.of("octo/alpha", "2026-01-02T06:00:00Z", 2)), List.of(), "1");
        store().save(List.of(Snapshots.of("octo/alpha", "2025-12-31T06:00:00Z", 1),
                Snapshots.of("octo/alphabet", "2026-01-01T06:00:00Z", 99)), List.of(), "2");
        store().save(List.of(Snapshots.of("octo/alpha", "2026-01-05T06:00:00Z", 5)), List.of(), "3");

        History history = store().load(ALPHA);

        assertThat(history.repo()).isEqualTo(ALPHA);
        assertThat(history.unreadable()).isEmpty();
        assertThat(history.series("prs.merged")).containsExactly(
                new History.Point(LocalDate.parse("2025-12-31"), 1),
                new History.Point(LocalDate.parse("2026-01-02"), 2),
                new History.Point(LocalDate.parse("2026-01-05"), 5));
        assertThat(history.series("prs.opened")).isEmpty();
        assertThat(history.latest()).hasValueSatisfying(s -> assertThat(s.asOf()).isEqualTo(Instant.parse("2026-01-05T06:00:00Z")));
    }

    @Test
    void should_load_only_the_days_since_a_date() {
        store().save(List.of(Snapshots.of("octo/alpha", "2026-11-18T06:00:00Z", 18),
                Snapshots.of("octo/alpha", "2026-11-19T06:00:00Z", 19),
                Snapshots.of("octo/alpha", "2026-11-20T06:00:00Z", 20)), List.of(), "1");

        History history = store().load(ALPHA, LocalDate.parse("2026-11-19"));

        assertThat(history.series("prs.merged")).extracting(History.Point::value).containsExactly(19.0, 20.0);
    }

    @Test
    void should_fetch_only_the_tip_to_load_and_still_save_on_top_of_it() throws Exception {
        for (int day = 18; day <= 20; day++) {
            store().save(List.of(Snapshots.of("octo/alpha", "2026-11-" + day + "T06:00:00Z", day)), List.of(), "" + day);
        }
        List<ObjectId> commits = remote.log().stream().map(ObjectId::toObjectId).toList();
        GitBranchStore store = store();

        History history = store.load(ALPHA);

        assertThat(history.series("prs.merged")).extracting(History.Point::value).containsExactly(18.0, 19.0, 20.0);
        assertThat(commits).hasSize(3).filteredOn(id -> has(store, id)).containsExactly(remote.tip().orElseThrow());

        // The same run then saves (fetching again, into a fresh repository) and reads its own commit back.
        SaveResult saved = store.save(List.of(Snapshots.of("octo/alpha", "2026-11-21T06:00:00Z", 21)), List.of(), "21");

        assertThat(remote.log()).hasSize(4).first().satisfies(tip -> assertThat(tip.name()).isEqualTo(saved.commit()));
        assertThat(store.load(ALPHA).series("prs.merged")).extracting(History.Point::value)
                .containsExactly(18.0, 19.0, 20.0, 21.0);
    }

    @Test
    void should_give_each_repository_its_own_files_when_one_store_loads_several_in_turn() {
        // Same file names in both folders (git may store them as deltas of each other); the loads share one reader.
        RepoRef beta = new RepoRef("octo", "beta");
        List<Snapshot> snapshots = new java.util.ArrayList<>();
        for (int day = 18; day <= 20; day++) {
            snapshots.add(Snapshots.of("octo/alpha", "2026-11-" + day + "T06:00:00Z", day));
            snapshots.add(Snapshots.of("octo/beta", "2026-11-" + day + "T06:00:00Z", 100 + day));
        }
        store().save(snapshots, List.of(), "seed");
        GitBranchStore store = store();

        History alpha = store.load(ALPHA);
        History betaHistory = store.load(beta);
        History alphaAgain = store.load(ALPHA, LocalDate.parse("2026-11-19"));

        assertThat(alpha.series("prs.merged")).extracting(History.Point::value).containsExactly(18.0, 19.0, 20.0);
        assertThat(betaHistory.series("prs.merged")).extracting(History.Point::value).containsExactly(118.0, 119.0, 120.0);
        assertThat(betaHistory.snapshots()).extracting(Snapshot::repository).containsOnly("octo/beta");
        assertThat(alphaAgain.series("prs.merged")).extracting(History.Point::value).containsExactly(19.0, 20.0);
    }

    private static boolean has(GitBranchStore store, ObjectId id) {
        try {
            return store.repository().getObjectDatabase().has(id);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void should_return_an_empty_history_when_the_branch_does_not_exist_yet() {
        History history = store().load(ALPHA);

        assertThat(history.snapshots()).isEmpty();
        assertThat(history.unreadable()).isEmpty();
    }

    @Test
    void should_report_and_skip_a_corrupt_or_newer_file_and_keep_it_byte_for_byte_after_another_run() throws Exception {
        store().save(List.of(Snapshots.of("octo/alpha", "2026-11-20T06:00:00Z", 20)), List.of(), "1");
        remote.commitRaw(Map.of(CORRUPT_PATH, CORRUPT, NEWER_PATH, NEWER));
        ObjectId corruptBlob = remote.blobs().get(CORRUPT_PATH);
        ObjectId newerBlob = remote.blobs().get(NEWER_PATH);

        History history = store().load(ALPHA);

        assertThat(history.series("prs.merged")).extracting(History.Point::value).containsExactly(20.0);
        assertThat(history.unreadable()).extracting(UnreadableFile::path).containsExactly(CORRUPT_PATH, NEWER_PATH);
        assertThat(history.unreadable().get(0).reason()).startsWith("not a valid snapshot:").doesNotContain("\n");
        assertThat(history.unreadable().get(1).reason())
                .isEqualTo("snapshot schemaVersion 2 is newer than this program reads (1)");
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("warning: history: skipped " + CORRUPT_PATH);

        // Another run commits on top, including a snapshot for the very day of the newer file.
        SaveResult result = store().save(List.of(Snapshots.of("octo/alpha", "2026-11-22T09:00:00Z", 22),
                Snapshots.of("octo/alpha", "2026-11-23T06:00:00Z", 23)), List.of(), "2");

        assertThat(remote.blobs().get(CORRUPT_PATH)).isEqualTo(corruptBlob);
        assertThat(remote.blobs().get(NEWER_PATH)).isEqualTo(newerBlob);
        assertThat(remote.bytes(remote.blobs().get(CORRUPT_PATH))).isEqualTo(CORRUPT);
        assertThat(remote.bytes(remote.blobs().get(NEWER_PATH))).isEqualTo(NEWER);
        assertThat(result.written()).containsExactly("snapshots/octo/alpha/2026/2026-11-23.json");
        assertThat(result.kept()).extracting(UnreadableFile::path).containsExactly(NEWER_PATH);
    }

    @Test
    void should_report_a_file_whose_name_or_content_does_not_fit_its_place() throws Exception {
        remote.commitRaw(Map.of(
                "snapshots/octo/alpha/2026/notes.txt", "hello".getBytes(StandardCharsets.UTF_8),
                "snapshots/octo/alpha/2026/2026-11-20.json",
                SnapshotCodec.write(Snapshots.of("octo/beta", "2026-11-20T06:00:00Z", 1)).getBytes(StandardCharsets.UTF_8),
                "snapshots/octo/alpha/2025/2026-11-21.json",
                SnapshotCodec.write(Snapshots.of("octo/alpha", "2026-11-21T06:00:00Z", 1)).getBytes(StandardCharsets.UTF_8)));

        History history = store().load(ALPHA);

        assertThat(history.snapshots()).isEmpty();
        assertThat(history.unreadable()).containsExactly(
                new UnreadableFile("snapshots/octo/alpha/2025/2026-11-21.json", "not named <yyyy>/<yyyy-mm-dd>.json or <yyyy>/<yyyy>-W<ww>.json"),
                new UnreadableFile("snapshots/octo/alpha/2026/2026-11-20.json", "holds repository octo/beta, not octo/alpha"),
                new UnreadableFile("snapshots/octo/alpha/2026/notes.txt", "not named <yyyy>/<yyyy-mm-dd>.json or <yyyy>/<yyyy>-W<ww>.json"));
    }
}
