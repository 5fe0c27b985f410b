package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** history-retention-days: old daily files folded into weekly files, in a commit of their own, keeping every point. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetentionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T06:30:00Z"), ZoneOffset.UTC);
    private static final Instant AS_OF = Instant.parse("2026-11-20T06:00:00Z");
    private static final RepoRef ALPHA = new RepoRef("octo", "alpha");
    private static final RepoRef BETA = new RepoRef("octo", "beta");
    private static final String DIR = "snapshots/octo/alpha/2026/";

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

    /** alpha every day from 2026-10-21 to 2026-11-20 (31 days), beta on two days, and a chart. */
    private void saveMonth() {
        List<Snapshot> snapshots = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2026-10-21"); !day.isAfter(LocalDate.parse("2026-11-20")); day = day.plusDays(1)) {
            snapshots.add(Snapshots.of("octo/alpha", day + "T06:00:00Z", day.getDayOfMonth()));
        }
        snapshots.add(Snapshots.of("octo/beta", "2026-11-01T06:00:00Z", 100));
        snapshots.add(Snapshots.of("octo/beta", "2026-11-20T06:00:00Z", 101));
        Chart chart = new Chart(ALPHA, LocalDate.parse("2026-10-21"), "prs-merged", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        store().save(snapshots, List.of(chart), "1");
    }

    @Test
    void should_fold_20_old_days_into_weekly_files_in_a_commit_of_its_own() throws Exception {
        saveMonth();
        RevCommit saved = remote.tipCommit();
        History alphaBefore = store().load(ALPHA);
        History betaBefore = store().load(BETA);
        Map<String, ObjectId> before = remote.blobs();

        SaveResult result = store().fold(10, AS_OF, "9");

        List<RevCommit> commits = remote.log();
        assertThat(commits).hasSize(2);
        assertThat(commits.get(0).getFullMessage())
                .isEqualTo("repo-vitals: fold 21 daily files older than 2026-11-10 into weekly files (run 9)\n");
        assertThat(commits.get(0).getParents()).extracting(ObjectId::copy).containsExactly(saved.copy());
        assertThat(commits.get(0).getCommitterIdent().getName()).isEqualTo("repo-vitals");
        assertThat(result.created()).isTrue();
        assertThat(result.commit()).isEqualTo(commits.get(0).name());
        assertThat(result.kept()).isEmpty();
        assertThat(result.written()).containsExactly(
                DIR + "2026-W43.json", DIR + "2026-W44.json", DIR + "2026-W45.json", DIR + "2026-W46.json",
                "snapshots/octo/beta/2026/2026-W44.json");

        Map<String, ObjectId> after = remote.blobs();
        assertThat(after.keySet()).filteredOn(path -> path.startsWith(DIR) && !path.contains("-W"))
                .hasSize(11) // 2026-11-10 to 2026-11-20 stay daily files
                .allSatisfy(path -> assertThat(path.substring(DIR.length())).isGreaterThanOrEqualTo("2026-11-10.json"));
        assertThat(after).doesNotContainKeys(DIR + "2026-11-09.json", "snapshots/octo/beta/2026/2026-11-01.json");
        // Untouched: the chart, the kept daily files.
        assertThat(after.get("charts/octo/alpha/2026-10-21/prs-merged.png"))
                .isEqualTo(before.get("charts/octo/alpha/2026-10-21/prs-merged.png"));
        assertThat(after.get(DIR + "2026-11-10.json")).isEqualTo(before.get(DIR + "2026-11-10.json"));

        // A weekly file: the week's snapshots as a JSON array in date order, written with SnapshotCodec.
        List<Snapshot> week43 = alphaBefore.snapshots().subList(0, 5); // Wed 2026-10-21 to Sun 2026-10-25
        assertThat(remote.read(DIR + "2026-W43.json")).isEqualTo(SnapshotCodec.writeAll(week43));
        assertThat(SnapshotCodec.readAll(remote.read(DIR + "2026-W46.json").getBytes(StandardCharsets.UTF_8)))
                .extracting(History::day).containsExactly(LocalDate.parse("2026-11-09"));

        // Every point is still there, loaded back in date order, by a fresh run and by this one.
        assertThat(store().load(ALPHA)).isEqualTo(alphaBefore);
        assertThat(store().load(BETA)).isEqualTo(betaBefore);
        assertThat(alphaBefore.snapshots()).hasSize(31);
        assertThat(store().load(ALPHA, LocalDate.parse("2026-11-08")).snapshots())
                .isEqualTo(alphaBefore.snapshots().subList(18, 31));
        assertThat(logged()).contains("folded into 5 weekly files");
    }

    @Test
    void should_read_back_what_it_just_folded_without_fetching_again() {
        saveMonth();
        GitBranchStore store = store();
        History before = store.load(ALPHA);

        store.fold(10, AS_OF, "9");

        assertThat(store.load(ALPHA)).isEqualTo(before);
    }

    @Test
    void should_do_nothing_on_a_second_fold() throws Exception {
        saveMonth();
        SaveResult first = store().fold(10, AS_OF, "9");

        SaveResult second = store().fold(10, AS_OF, "10");

        assertThat(second.created()).isFalse();
        assertThat(second.commit()).isEqualTo(first.commit());
        assertThat(second.written()).isEmpty();
        assertThat(remote.log()).hasSize(2);
    }

    @Test
    void should_make_no_commit_when_nothing_is_old_enough_or_there_is_no_branch() throws Exception {
        SaveResult none = store().fold(10, AS_OF, "1");
        assertThat(none.created()).isFalse();
        assertThat(none.commit()).isEmpty();
        assertThat(remote.tip()).isEmpty();

        saveMonth();
        SaveResult result = store().fold(40, AS_OF, "2");

        assertThat(result.created()).isFalse();
        assertThat(remote.log()).hasSize(1);
    }

    @Test
    void should_fold_later_days_of_a_week_into_its_existing_weekly_file() throws Exception {
        saveMonth();
        History before = store().load(ALPHA);
        store().fold(10, AS_OF, "1");

        SaveResult result = store().fold(5, AS_OF, "2"); // cutoff 2026-11-15: 2026-11-10 to 2026-11-14 join W46

        assertThat(remote.log().get(0).getFullMessage())
                .isEqualTo("repo-vitals: fold 5 daily files older than 2026-11-15 into weekly files (run 2)\n");
        assertThat(result.written()).containsExactly(DIR + "2026-W46.json");
        assertThat(remote.read(DIR + "2026-W46.json")).isEqualTo(SnapshotCodec.writeAll(before.snapshots().subList(19, 25)));
        assertThat(store().load(ALPHA)).isEqualTo(before);
    }

    @Test
    void should_leave_a_corrupt_old_daily_file_in_place_byte_for_byte() throws Exception {
        saveMonth();
        String corruptPath = DIR + "2026-10-28.json";
        byte[] corrupt = "{\"schemaVersion\": 1, \"repository\": \"octo/alpha\", \"asOf\": \"2026-10-2".getBytes(StandardCharsets.UTF_8);
        remote.commitRaw(Map.of(corruptPath, corrupt));
        ObjectId corruptBlob = remote.blobs().get(corruptPath);
        History before = store().load(ALPHA);

        SaveResult result = store().fold(10, AS_OF, "9");

        assertThat(remote.blobs().get(corruptPath)).isEqualTo(corruptBlob);
        assertThat(remote.bytes(corruptBlob)).isEqualTo(corrupt);
        assertThat(result.kept()).singleElement().satisfies(kept -> {
            assertThat(kept.path()).isEqualTo(corruptPath);
            assertThat(kept.reason()).startsWith("not folded, left as it is: not a valid snapshot");
        });
        assertThat(remote.log().get(0).getFullMessage()).startsWith("repo-vitals: fold 20 daily files older than 2026-11-10");
        assertThat(logged()).contains("history: kept " + corruptPath);
        History after = store().load(ALPHA);
        assertThat(after).isEqualTo(before);
        assertThat(after.unreadable()).extracting(UnreadableFile::path).containsExactly(corruptPath);
        // The next fold keeps it again, and makes no commit for it.
        assertThat(store().fold(10, AS_OF, "10").created()).isFalse();
    }

    @Test
    void should_report_an_unreadable_weekly_file_and_keep_it_and_its_weeks_daily_files() throws Exception {
        saveMonth();
        String weekly = DIR + "2026-W44.json";
        byte[] broken = "[{\"schemaVersion\": 1, \"repos".getBytes(StandardCharsets.UTF_8);
        remote.commitRaw(Map.of(weekly, broken));
        History before = store().load(ALPHA);
        assertThat(before.unreadable()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo(weekly);
            assertThat(file.reason()).contains("not a valid snapshot");
        });

        SaveResult result = store().fold(10, AS_OF, "9");

        assertThat(remote.bytes(remote.blobs().get(weekly))).isEqualTo(broken);
        assertThat(remote.blobs()).containsKeys(DIR + "2026-10-26.json", DIR + "2026-11-01.json");
        assertThat(result.kept()).extracting(UnreadableFile::path).containsExactly(weekly);
        assertThat(remote.log().get(0).getFullMessage()).startsWith("repo-vitals: fold 14 daily files ");
        assertThat(store().load(ALPHA)).isEqualTo(before);
    }

    @Test
    void should_prefer_a_daily_file_over_the_same_day_in_a_weekly_file() throws Exception {
        Snapshot weeklyDay = Snapshots.of("octo/alpha", "2026-11-03T06:00:00Z", 1);
        Snapshot otherDay = Snapshots.of("octo/alpha", "2026-11-04T06:00:00Z", 2);
        Snapshot dailyDay = Snapshots.of("octo/alpha", "2026-11-03T08:00:00Z", 3);
        remote.commitRaw(Map.of(DIR + "2026-W45.json", SnapshotCodec.bytesAll(List.of(weeklyDay, otherDay)),
                DIR + "2026-11-03.json", SnapshotCodec.bytes(dailyDay)));

        History history = store().load(ALPHA);

        assertThat(history.series("prs.merged")).containsExactly(
                new History.Point(LocalDate.parse("2026-11-03"), 3), new History.Point(LocalDate.parse("2026-11-04"), 2));
        assertThat(history.unreadable()).isEmpty();

        store().fold(10, AS_OF, "1");

        assertThat(remote.blobs()).containsOnlyKeys(DIR + "2026-W45.json");
        assertThat(store().load(ALPHA).series("prs.merged")).isEqualTo(history.series("prs.merged"));
    }

    @Test
    void should_report_a_weekly_file_holding_a_day_of_another_week() throws Exception {
        remote.commitRaw(Map.of(DIR + "2026-W45.json",
                SnapshotCodec.bytesAll(List.of(Snapshots.of("octo/alpha", "2026-11-10T06:00:00Z", 1)))));

        History history = store().load(ALPHA);

        assertThat(history.snapshots()).isEmpty();
        assertThat(history.unreadable()).singleElement().satisfies(file ->
                assertThat(file.reason()).contains("not in the week the file is named after"));
    }

    @Test
    void should_fold_again_on_the_new_tip_when_another_run_pushed_first() throws Exception {
        saveMonth();
        History before = store().load(ALPHA);
        String gammaPath = "snapshots/octo/gamma/2026/2026-10-30.json";
        byte[] gamma = SnapshotCodec.bytes(Snapshots.of("octo/gamma", "2026-10-30T06:00:00Z", 5));
        // The commit is stamped while it is built, after the fetch and before the push: another run pushes then.
        java.util.concurrent.atomic.AtomicBoolean pushedFirst = new java.util.concurrent.atomic.AtomicBoolean();
        Clock racing = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (pushedFirst.compareAndSet(false, true)) {
                    try {
                        remote.commitRaw(Map.of(gammaPath, gamma));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return CLOCK.instant();
            }
        };
        GitBranchStore store = new GitBranchStore(remote.remote(), BareRepo.BRANCH, log, racing, GitBranchStoreTest.NO_WAIT);

        SaveResult result = store.fold(10, AS_OF, "9");

        assertThat(result.attempts()).isEqualTo(2);
        List<RevCommit> commits = remote.log();
        assertThat(commits).hasSize(3);
        assertThat(commits.get(1).getFullMessage()).isEqualTo("by hand\n");
        assertThat(commits.get(0).getFullMessage())
                .isEqualTo("repo-vitals: fold 22 daily files older than 2026-11-10 into weekly files (run 9)\n");
        assertThat(remote.blobs()).containsKey("snapshots/octo/gamma/2026/2026-W44.json").doesNotContainKey(gammaPath);
        assertThat(store().load(ALPHA)).isEqualTo(before);
        assertThat(store().load(new RepoRef("octo", "gamma")).series("prs.merged"))
                .containsExactly(new History.Point(LocalDate.parse("2026-10-30"), 5));
        assertThat(logged()).contains("another run pushed first; folding again on the new tip");
    }

    @Test
    void should_refuse_a_negative_retention() {
        assertThatThrownBy(() -> store().fold(-1, AS_OF, "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_name_weekly_files_after_the_iso_week_based_year() {
        assertThat(HistoryLayout.weeklyFile(LocalDate.parse("2027-01-01"))).isEqualTo("2026/2026-W53.json");
        assertThat(HistoryLayout.weeklyFile(LocalDate.parse("2025-12-29"))).isEqualTo("2026/2026-W01.json");
        assertThat(HistoryLayout.weekOf("2026/2026-W53.json")).contains(LocalDate.parse("2026-12-28"));
        assertThat(HistoryLayout.weekOf("2025/2025-W53.json")).isEmpty();
        assertThat(HistoryLayout.weekOf("2026/2025-W01.json")).isEmpty();
    }

    String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }
}
