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
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads one repository's snapshots straight from a git tree: blobs are parsed from memory, no
 * checkout, no copy. Files are never changed here; a file that cannot be used is reported.
 */
final class HistoryReader {
    private HistoryReader() {}

    static History read(ObjectReader reader, AnyObjectId tree, RepoRef repo, LocalDate since) throws IOException {
        String dir = HistoryLayout.snapshotDir(repo);
        // The walk and the blob reads are cheap; parsing is what costs (about 90% of a load), so the
        // blobs are read in tree order first and parsed afterwards, in parallel, each into its own slot.
        List<Slot> slots = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            walk.setFilter(PathFilter.create(dir.substring(0, dir.length() - 1)));
            while (walk.next()) {
                String path = walk.getPathString();
                Optional<LocalDate> day = HistoryLayout.dayOf(path.substring(dir.length()));
                if (day.isEmpty()) {
                    slots.add(Slot.unreadable(path, "not named <yyyy>/<yyyy-mm-dd>.json"));
                    continue;
                }
                if (since != null && day.get().isBefore(since)) {
                    continue; // skipped by name, without reading the blob: this is what keeps "last N days" cheap
                }
                if (walk.getFileMode(0) != FileMode.REGULAR_FILE && walk.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                    slots.add(Slot.unreadable(path, "not a regular file"));
                    continue;
                }
                byte[] bytes = reader.open(walk.getObjectId(0)).getCachedBytes(Integer.MAX_VALUE);
                slots.add(new Slot(path, day.get(), bytes));
            }
        }
        Checked[] checked = new Checked[slots.size()];
        Stream<Integer> indexes = IntStream.range(0, slots.size()).boxed();
        (slots.size() >= PARALLEL_FROM ? indexes.parallel() : indexes).forEach(i -> {
            Slot slot = slots.get(i);
            checked[i] = slot.bytes() == null ? new Checked(null, slot.reason()) : check(slot.bytes(), repo, slot.day());
        });
        List<Snapshot> snapshots = new ArrayList<>(slots.size());
        List<UnreadableFile> unreadable = new ArrayList<>();
        for (int i = 0; i < checked.length; i++) {
            if (checked[i].snapshot() != null) {
                snapshots.add(checked[i].snapshot());
            } else {
                unreadable.add(new UnreadableFile(slots.get(i).path(), checked[i].reason()));
            }
        }
        snapshots.sort(Comparator.comparing(Snapshot::asOf));
        return new History(repo, snapshots, unreadable);
    }

    /** Below this many files, parsing in one thread is as fast as handing them out. */
    private static final int PARALLEL_FROM = 64;

    /** One file of the walk: its bytes to parse, or (bytes null) why it is not read at all. */
    private record Slot(String path, LocalDate day, byte[] bytes, String reason) {
        Slot(String path, LocalDate day, byte[] bytes) {
            this(path, day, bytes, null);
        }

        static Slot unreadable(String path, String reason) {
            return new Slot(path, null, null, reason);
        }
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
