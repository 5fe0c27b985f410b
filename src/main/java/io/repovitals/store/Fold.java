package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Retention (history-retention-days): the daily snapshot files of every repository older than a
 * cutoff day are folded into one weekly file per repository and ISO week
 * ({@code snapshots/<owner>/<repo>/<yyyy>/<yyyy>-W<ww>.json}, a JSON array of the week's snapshots
 * in date order), as one commit on top of a branch tip. Every point is kept: folding only reduces
 * the number of files. A daily file that cannot be read is never folded (it stays byte-for-byte and
 * is reported), nor are the days of a week whose existing weekly file cannot be read. Applying again
 * on a newer tip (after a rejected push) is the same call.
 */
final class Fold {
    /**
     * @param commit  null when nothing was old enough to fold
     * @param written the weekly files written
     * @param folded  the daily files folded into them (removed from the tree)
     * @param kept    old files left as they are, and why
     */
    record Result(ObjectId commit, List<String> written, List<String> folded, List<UnreadableFile> kept) {}

    /** The old daily files of one weekly file, by day. */
    private record Week(RepoRef repo, LocalDate monday, Map<LocalDate, Snapshot> days, List<String> paths) {}

    private Fold() {}

    /** @param cutoff daily files named after a day before this one are folded */
    static Result apply(Repository repository, ObjectId tip, LocalDate cutoff, PersonIdent identity, String runId)
            throws IOException {
        if (tip == null) {
            return new Result(null, List.of(), List.of(), List.of());
        }
        try (ObjectReader reader = repository.newObjectReader();
             ObjectInserter inserter = repository.newObjectInserter();
             RevWalk walk = new RevWalk(reader)) {
            RevCommit parent = walk.parseCommit(tip);
            DirCache index = DirCache.read(reader, parent.getTree());
            List<UnreadableFile> kept = new ArrayList<>();
            Map<String, Week> weeks = new TreeMap<>();
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry entry = index.getEntry(i);
                String path = entry.getPathString();
                Optional<Daily> daily = daily(path);
                if (daily.isEmpty() || !daily.get().day().isBefore(cutoff)) {
                    continue;
                }
                RepoRef repo = daily.get().repo();
                LocalDate day = daily.get().day();
                if (entry.getFileMode() != FileMode.REGULAR_FILE && entry.getFileMode() != FileMode.EXECUTABLE_FILE) {
                    kept.add(new UnreadableFile(path, "not folded, left as it is: not a regular file"));
                    continue;
                }
                HistoryReader.Checked checked = HistoryReader.check(
                        reader.open(entry.getObjectId()).getCachedBytes(Integer.MAX_VALUE), repo, day);
                if (checked.snapshot() == null) {
                    kept.add(new UnreadableFile(path, "not folded, left as it is: " + checked.reason()));
                    continue;
                }
                String weekly = HistoryLayout.snapshotDir(repo) + HistoryLayout.weeklyFile(day);
                Week week = weeks.computeIfAbsent(weekly,
                        key -> new Week(repo, HistoryLayout.monday(day), new TreeMap<>(), new ArrayList<>()));
                week.days().put(day, checked.snapshot());
                week.paths().add(path);
            }
            DirCacheEditor editor = index.editor();
            List<String> written = new ArrayList<>();
            List<String> folded = new ArrayList<>();
            for (Map.Entry<String, Week> item : weeks.entrySet()) {
                String weekly = item.getKey();
                Week week = item.getValue();
                Map<LocalDate, Snapshot> merged = new TreeMap<>();
                DirCacheEntry existing = index.getEntry(weekly);
                if (existing != null) {
                    String reason;
                    if (existing.getFileMode() != FileMode.REGULAR_FILE && existing.getFileMode() != FileMode.EXECUTABLE_FILE) {
                        reason = "not a regular file";
                    } else {
                        HistoryReader.Parsed parsed = HistoryReader.checkWeek(
                                reader.open(existing.getObjectId()).getCachedBytes(Integer.MAX_VALUE), week.repo(), week.monday());
                        reason = parsed.reason();
                        if (parsed.snapshots() != null) {
                            parsed.snapshots().forEach(snapshot -> merged.put(History.day(snapshot), snapshot));
                        }
                    }
                    if (reason != null) {
                        kept.add(new UnreadableFile(weekly, "left as it is, so the week's " + week.paths().size()
                                + " old daily files are not folded into it: " + reason));
                        continue;
                    }
                }
                merged.putAll(week.days()); // a daily file wins over the same day in the weekly file, as when loading
                byte[] bytes = SnapshotCodec.bytesAll(List.copyOf(merged.values()));
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, bytes);
                editor.add(new DirCacheEditor.PathEdit(weekly) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                        entry.setObjectId(blob);
                        entry.setLength(bytes.length);
                    }
                });
                for (String path : week.paths()) {
                    editor.add(new DirCacheEditor.DeletePath(path));
                }
                written.add(weekly);
                folded.addAll(week.paths());
            }
            if (folded.isEmpty()) {
                return new Result(null, List.of(), List.of(), kept);
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setParentId(parent);
            commit.setAuthor(identity);
            commit.setCommitter(identity);
            commit.setMessage(message(folded.size(), cutoff, runId));
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return new Result(id, written, folded, kept);
        }
    }

    /** e.g. {@code repo-vitals: fold 20 daily files older than 2026-10-21 into weekly files (run 123)}. */
    static String message(int files, LocalDate cutoff, String runId) {
        StringBuilder text = new StringBuilder("repo-vitals: fold ").append(files)
                .append(files == 1 ? " daily file" : " daily files").append(" older than ").append(cutoff)
                .append(" into weekly files");
        if (runId != null && !runId.isBlank()) {
            text.append(" (run ").append(runId.strip().replaceAll("\\s+", " ")).append(')');
        }
        return text.append('\n').toString();
    }

    private record Daily(RepoRef repo, LocalDate day) {}

    /** The repository and day of a daily snapshot file's path; empty for any other file, which is left alone. */
    private static Optional<Daily> daily(String path) {
        if (!path.startsWith(HistoryLayout.SNAPSHOTS)) {
            return Optional.empty();
        }
        String[] parts = path.substring(HistoryLayout.SNAPSHOTS.length()).split("/", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<LocalDate> day = HistoryLayout.dayOf(parts[2]);
        if (day.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Daily(new RepoRef(parts[0], parts[1]), day.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
