package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads one repository's snapshots straight from a git tree: blobs are parsed from memory, no
 * checkout, no copy. Files are never changed here; a file that cannot be used is reported.
 */
final class HistoryReader {
    private HistoryReader() {}

    static History read(ObjectReader reader, AnyObjectId tree, RepoRef repo, LocalDate since) throws IOException {
        String dir = HistoryLayout.snapshotDir(repo);
        List<Snapshot> snapshots = new ArrayList<>();
        List<UnreadableFile> unreadable = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            walk.setFilter(PathFilter.create(dir.substring(0, dir.length() - 1)));
            while (walk.next()) {
                String path = walk.getPathString();
                Optional<LocalDate> day = HistoryLayout.dayOf(path.substring(dir.length()));
                if (day.isEmpty()) {
                    unreadable.add(new UnreadableFile(path, "not named <yyyy>/<yyyy-mm-dd>.json"));
                    continue;
                }
                if (since != null && day.get().isBefore(since)) {
                    continue; // skipped by name, without reading the blob: this is what keeps "last N days" cheap
                }
                if (walk.getFileMode(0) != FileMode.REGULAR_FILE && walk.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                    unreadable.add(new UnreadableFile(path, "not a regular file"));
                    continue;
                }
                byte[] bytes = reader.open(walk.getObjectId(0)).getCachedBytes(Integer.MAX_VALUE);
                Checked checked = check(bytes, repo, day.get());
                if (checked.snapshot() != null) {
                    snapshots.add(checked.snapshot());
                } else {
                    unreadable.add(new UnreadableFile(path, checked.reason()));
                }
            }
        }
        snapshots.sort(Comparator.comparing(Snapshot::asOf));
        return new History(repo, snapshots, unreadable);
    }

    /** Either the snapshot or why the file cannot be used. */
    record Checked(Snapshot snapshot, String reason) {}

    static Checked check(byte[] bytes, RepoRef repo, LocalDate day) {
        Snapshot snapshot;
        try {
            snapshot = SnapshotCodec.read(bytes);
        } catch (IOException | RuntimeException e) {
            return new Checked(null, SnapshotCodec.describe(e));
        }
        if (!snapshot.repository().equalsIgnoreCase(repo.fullName())) {
            return new Checked(null, "holds repository " + snapshot.repository() + ", not " + repo);
        }
        if (!History.day(snapshot).equals(day)) {
            return new Checked(null, "asOf " + snapshot.asOf() + " is not on the day the file is named after");
        }
        return new Checked(snapshot, null);
    }
}
