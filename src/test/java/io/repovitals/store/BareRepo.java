package io.repovitals.store;

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
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A bare repository on disk standing in for the user's GitHub repository, and ways to look into it. */
final class BareRepo implements AutoCloseable {
    static final String BRANCH = "repo-vitals-data";
    static final String REF = Constants.R_HEADS + BRANCH;

    final Path dir;
    final Repository repository;

    private BareRepo(Path dir, Repository repository) {
        this.dir = dir;
        this.repository = repository;
    }

    static BareRepo create(Path dir) {
        try {
            Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            repository.create(true);
            // No automatic gc in a background thread that would outlive the test's temporary folder.
            repository.getConfig().setInt("gc", null, "auto", 0);
            repository.getConfig().setInt("gc", null, "autopacklimit", 0);
            repository.getConfig().setBoolean("receive", null, "autogc", false);
            repository.getConfig().save();
            return new BareRepo(dir, repository);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HistoryRemote remote() {
        return HistoryRemote.local(dir);
    }

    Optional<ObjectId> tip() throws IOException {
        Ref ref = repository.exactRef(REF);
        return Optional.ofNullable(ref).map(Ref::getObjectId);
    }

    RevCommit tipCommit() throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(tip().orElseThrow());
        }
    }

    /** Every file of the branch tip with its blob id. */
    Map<String, ObjectId> blobs() throws IOException {
        Map<String, ObjectId> blobs = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(tip().orElseThrow()).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                blobs.put(tree.getPathString(), tree.getObjectId(0));
            }
        }
        return blobs;
    }

    String read(String path) throws IOException {
        return new String(bytes(blobs().get(path)), java.nio.charset.StandardCharsets.UTF_8);
    }

    byte[] bytes(ObjectId blob) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.open(blob).getBytes();
        }
    }

    /** The branch's commits, newest first. */
    List<RevCommit> log() throws IOException {
        List<RevCommit> commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(tip().orElseThrow()));
            walk.forEach(commits::add);
        }
        return commits;
    }

    /** Commits files on top of the branch as another tool (or a newer repo-vitals) would. */
    void commitRaw(Map<String, byte[]> files) throws IOException {
        commitFiles(repository, files, new PersonIdent("someone", "someone@example.com"), "by hand\n");
    }

    /** Commits files on top of {@link #REF} of any repository, moving the ref only if nobody else did. */
    static ObjectId commitFiles(Repository repository, Map<String, byte[]> files, PersonIdent who, String message)
            throws IOException {
        Ref ref = repository.exactRef(REF);
        Optional<ObjectId> parent = Optional.ofNullable(ref).map(Ref::getObjectId);
        try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = repository.newObjectReader();
             RevWalk walk = new RevWalk(reader)) {
            DirCache index = parent.isPresent() ? DirCache.read(reader, walk.parseCommit(parent.get()).getTree())
                    : DirCache.newInCore();
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue());
                editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                        entry.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            parent.ifPresent(commit::setParentId);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(REF);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(parent.orElse(ObjectId.zeroId()));
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("could not move the branch: " + result);
            }
            return id;
        }
    }

    /** Every file under the repository's directory with its bytes, to compare before and after. */
    Map<String, byte[]> filesOnDisk() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    /** Every object reachable from any ref, inflated, so that a secret cannot hide in compression. */
    static List<byte[]> allObjects(Repository repository) throws IOException {
        List<byte[]> objects = new ArrayList<>();
        try (ObjectWalk walk = new ObjectWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            for (Ref ref : repository.getRefDatabase().getRefs()) {
                walk.markStart(walk.parseAny(ref.getObjectId()));
            }
            for (RevCommit commit; (commit = walk.next()) != null; ) {
                objects.add(reader.open(commit).getBytes());
            }
            for (RevObject object; (object = walk.nextObject()) != null; ) {
                objects.add(reader.open(object).getBytes());
            }
        }
        return objects;
    }

    @Override
    public void close() {
        repository.close();
    }
}
