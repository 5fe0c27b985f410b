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
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * This run's files applied on top of a branch tip, as one commit. Only the run's own paths are
 * edited: every other entry keeps its blob id, so a file this program cannot read stays
 * byte-for-byte as it was. Applying again on a newer tip (after a rejected push) is the same call.
 */
final class TreeUpdate {
    /** The files of one run, de-duplicated by path (the later snapshot of a day wins). */
    record Files(Map<String, Snapshot> snapshots, Map<String, byte[]> charts) {
        static Files of(List<Snapshot> snapshots, List<Chart> charts) {
            Map<String, Snapshot> byPath = new TreeMap<>();
            for (Snapshot snapshot : snapshots) {
                byPath.merge(HistoryLayout.snapshotPath(snapshot), snapshot,
                        (a, b) -> b.asOf().isBefore(a.asOf()) ? a : b);
            }
            Map<String, byte[]> chartsByPath = new TreeMap<>();
            for (Chart chart : charts) {
                chartsByPath.put(HistoryLayout.chartPath(chart), chart.bytes());
            }
            return new Files(byPath, chartsByPath);
        }
    }

    /** @param commit null when the tip already holds exactly these files */
    record Result(ObjectId commit, List<String> written, List<UnreadableFile> kept) {}

    private TreeUpdate() {}

    static Result apply(Repository repository, ObjectId tip, Files files, PersonIdent identity, String runId)
            throws IOException {
        try (ObjectReader reader = repository.newObjectReader();
             ObjectInserter inserter = repository.newObjectInserter();
             RevWalk walk = new RevWalk(reader)) {
            RevCommit parent = tip == null ? null : walk.parseCommit(tip);
            DirCache index = parent == null ? DirCache.newInCore() : DirCache.read(reader, parent.getTree());
            DirCacheEditor editor = index.editor();
            List<String> written = new ArrayList<>();
            List<UnreadableFile> kept = new ArrayList<>();
            SortedSet<LocalDate> days = new TreeSet<>();
            for (Map.Entry<String, Snapshot> entry : files.snapshots().entrySet()) {
                String path = entry.getKey();
                Snapshot snapshot = entry.getValue();
                byte[] bytes = SnapshotCodec.bytes(snapshot);
                DirCacheEntry existing = index.getEntry(path);
                if (existing != null) {
                    String reason = reasonToKeep(reader.open(existing.getObjectId()).getCachedBytes(Integer.MAX_VALUE),
                            snapshot);
                    if (reason != null) {
                        kept.add(new UnreadableFile(path, reason));
                        continue;
                    }
                }
                if (put(editor, inserter, existing, path, bytes)) {
                    written.add(path);
                    days.add(History.day(snapshot));
                }
            }
            int charts = 0;
            for (Map.Entry<String, byte[]> entry : files.charts().entrySet()) {
                if (put(editor, inserter, index.getEntry(entry.getKey()), entry.getKey(), entry.getValue())) {
                    written.add(entry.getKey());
                    charts++;
                }
            }
            if (written.isEmpty()) {
                return new Result(null, written, kept);
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(identity);
            commit.setCommitter(identity);
            commit.setMessage(message(written.size() - charts, days, charts, runId));
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return new Result(id, written, kept);
        }
    }

    /**
     * Why the stored file at a path this run writes must stay: it is not a snapshot this program
     * can read (never rewritten, contract.md), or it describes a later moment than ours.
     */
    private static String reasonToKeep(byte[] stored, Snapshot ours) {
        HistoryReader.Checked checked = HistoryReader.check(stored, RepoRef.parse(ours.repository()), History.day(ours));
        if (checked.snapshot() == null) {
            return "left as it is, not replaced by this run's snapshot: " + checked.reason();
        }
        if (checked.snapshot().asOf().isAfter(ours.asOf())) {
            return "a later snapshot (asOf " + checked.snapshot().asOf() + ") is already stored";
        }
        return null;
    }

    /** Stages {@code bytes} at {@code path}; false when the same bytes are already there. */
    private static boolean put(DirCacheEditor editor, ObjectInserter inserter, DirCacheEntry existing, String path,
                               byte[] bytes) throws IOException {
        ObjectId blob = inserter.idFor(Constants.OBJ_BLOB, bytes);
        if (existing != null && existing.getObjectId().equals(blob) && existing.getFileMode() == FileMode.REGULAR_FILE) {
            return false;
        }
        inserter.insert(Constants.OBJ_BLOB, bytes);
        editor.add(new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
                entry.setLength(bytes.length);
            }
        });
        return true;
    }

    /** e.g. {@code repo-vitals: 3 snapshots for 2026-11-20, 2 charts (run 123)}. */
    static String message(int snapshots, SortedSet<LocalDate> days, int charts, String runId) {
        StringBuilder text = new StringBuilder("repo-vitals: ");
        if (snapshots > 0) {
            text.append(snapshots).append(snapshots == 1 ? " snapshot for " : " snapshots for ").append(days.first());
            if (days.size() > 1) {
                text.append(" to ").append(days.last());
            }
        }
        if (charts > 0) {
            text.append(snapshots > 0 ? ", " : "").append(charts).append(charts == 1 ? " chart" : " charts");
        }
        if (runId != null && !runId.isBlank()) {
            text.append(" (run ").append(runId.strip().replaceAll("\\s+", " ")).append(')');
        }
        return text.append('\n').toString();
    }
}
