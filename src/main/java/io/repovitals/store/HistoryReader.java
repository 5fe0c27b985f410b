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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
                String relative = path.substring(dir.length());
                Optional<LocalDate> day = HistoryLayout.dayOf(relative);
                Optional<LocalDate> week = day.isPresent() ? Optional.empty() : HistoryLayout.weekOf(relative);
                if (day.isEmpty() && week.isEmpty()) {
                    slots.add(Slot.unreadable(path, "not named <yyyy>/<yyyy-mm-dd>.json or <yyyy>/<yyyy>-W<ww>.json"));
                    continue;
                }
                LocalDate last = day.orElseGet(() -> week.get().plusDays(6));
                if (since != null && last.isBefore(since)) {
                    continue; // skipped by name, without reading the blob: this is what keeps "last N days" cheap
                }
                if (walk.getFileMode(0) != FileMode.REGULAR_FILE && walk.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                    slots.add(Slot.unreadable(path, "not a regular file"));
                    continue;
                }
                byte[] bytes = reader.open(walk.getObjectId(0)).getCachedBytes(Integer.MAX_VALUE);
                slots.add(new Slot(path, day.orElse(null), week.orElse(null), bytes, null));
            }
        }
        Parsed[] parsed = new Parsed[slots.size()];
        Stream<Integer> indexes = IntStream.range(0, slots.size()).boxed();
        (slots.size() >= PARALLEL_FROM ? indexes.parallel() : indexes).forEach(i -> {
            Slot slot = slots.get(i);
            if (slot.bytes() == null) {
                parsed[i] = new Parsed(null, slot.reason());
            } else if (slot.week() != null) {
                parsed[i] = checkWeek(slot.bytes(), repo, slot.week());
            } else {
                Checked checked = check(slot.bytes(), repo, slot.day());
                parsed[i] = new Parsed(checked.snapshot() == null ? null : List.of(checked.snapshot()), checked.reason());
            }
        });
        // A day stored both as a daily file and inside a weekly file: the daily file wins.
        Map<LocalDate, Snapshot> daily = new TreeMap<>();
        Map<LocalDate, Snapshot> weekly = new TreeMap<>();
        List<UnreadableFile> unreadable = new ArrayList<>();
        for (int i = 0; i < parsed.length; i++) {
            if (parsed[i].snapshots() == null) {
                unreadable.add(new UnreadableFile(slots.get(i).path(), parsed[i].reason()));
                continue;
            }
            Map<LocalDate, Snapshot> target = slots.get(i).week() == null ? daily : weekly;
            for (Snapshot snapshot : parsed[i].snapshots()) {
                target.put(History.day(snapshot), snapshot);
            }
        }
        Map<LocalDate, Snapshot> byDay = new TreeMap<>(weekly);
        byDay.putAll(daily);
        if (since != null) {
            byDay.keySet().removeIf(day -> day.isBefore(since));
        }
        List<Snapshot> snapshots = new ArrayList<>(byDay.values());
        snapshots.sort(Comparator.comparing(Snapshot::asOf));
        return new History(repo, snapshots, unreadable);
    }

    /**
     * The {@code snapshots/<owner>/<repo>/} folders of a tree, in name order, walking only two
     * levels of folders (no blob is read). A folder whose name is not a valid owner/name is skipped.
     */
    static List<RepoRef> repositories(ObjectReader reader, AnyObjectId tree) throws IOException {
        List<RepoRef> repositories = new ArrayList<>();
        String root = HistoryLayout.SNAPSHOTS.substring(0, HistoryLayout.SNAPSHOTS.length() - 1);
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setFilter(PathFilter.create(root));
            while (walk.next()) {
                String[] parts = walk.getPathString().split("/");
                if (walk.isSubtree() && parts.length < 3) {
                    walk.enterSubtree();
                } else if (walk.isSubtree() && parts.length == 3) {
                    try {
                        repositories.add(RepoRef.parse(parts[1] + "/" + parts[2]));
                    } catch (IllegalArgumentException e) {
                        // not a folder this program wrote: load() would find nothing there either
                    }
                }
            }
        }
        repositories.sort(Comparator.naturalOrder());
        return repositories;
    }

    /** Below this many files, parsing in one thread is as fast as handing them out. */
    private static final int PARALLEL_FROM = 64;

    /** One file of the walk: a daily file (day) or a weekly file (week, its Monday), its bytes to parse, or (bytes null) why it is not read at all. */
    private record Slot(String path, LocalDate day, LocalDate week, byte[] bytes, String reason) {
        static Slot unreadable(String path, String reason) {
            return new Slot(path, null, null, null, reason);
        }
    }

    /** The snapshots of one file (one for a daily file, the week's days for a weekly one) or why it cannot be used. */
    record Parsed(List<Snapshot> snapshots, String reason) {}

    /**
     * Checks a weekly file: an array of snapshots of {@code repo}, each on a different day of the
     * ISO week starting on {@code monday}, in date order. Any fault makes the whole file unusable
     * (reported, kept as it is), as for a daily file.
     */
    static Parsed checkWeek(byte[] bytes, RepoRef repo, LocalDate monday) {
        List<Snapshot> snapshots;
        try {
            snapshots = SnapshotCodec.readAll(bytes);
        } catch (IOException | RuntimeException e) {
            return new Parsed(null, SnapshotCodec.describe(e));
        }
        LocalDate previous = null;
        for (Snapshot snapshot : snapshots) {
            if (!snapshot.repository().equalsIgnoreCase(repo.fullName())) {
                return new Parsed(null, "holds repository " + snapshot.repository() + ", not " + repo);
            }
            LocalDate day = History.day(snapshot);
            if (!HistoryLayout.monday(day).equals(monday)) {
                return new Parsed(null, "asOf " + snapshot.asOf() + " is not in the week the file is named after");
            }
            if (previous != null && !day.isAfter(previous)) {
                return new Parsed(null, "asOf " + snapshot.asOf() + " is not after the previous day of the file (one snapshot a day, in date order)");
            }
            previous = day;
        }
        return new Parsed(List.copyOf(snapshots), null);
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
