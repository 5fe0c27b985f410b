package io.repovitals.bench;

import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The model's default-branch commits as a git repository in {@code workspace/.git} (a clone of
 * bench/vitals as the workspace path reads it: origin set, branch main), one commit per model
 * commit at its committed time, oldest first, each rewriting one of {@value #FILES} files with
 * about its additions in lines. Written with an ObjectInserter: no work tree, no index.
 */
final class BenchRepository {
    static final int FILES = 40;

    private BenchRepository() {}

    static Repository build(RepoModel model, Path workspace) throws Exception {
        Repository git = new FileRepositoryBuilder().setGitDir(workspace.resolve(".git").toFile()).build();
        git.create(false);
        git.getConfig().setString("remote", "origin", "url", "https://github.com/" + RepoModel.OWNER + "/" + RepoModel.NAME + ".git");
        git.getConfig().save();
        ObjectId[] blobs = new ObjectId[FILES];
        ObjectId parent = null;
        List<RepoModel.Commit> oldestFirst = new java.util.ArrayList<>(model.commits);
        java.util.Collections.reverse(oldestFirst);
        try (ObjectInserter inserter = git.newObjectInserter()) {
            for (int i = 0; i < FILES; i++) {
                blobs[i] = inserter.insert(Constants.OBJ_BLOB, ("file " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (int n = 0; n < oldestFirst.size(); n++) {
                RepoModel.Commit commit = oldestFirst.get(n);
                StringBuilder content = new StringBuilder();
                for (int line = 0; line < 1 + commit.additions() / 4; line++) {
                    content.append("commit ").append(n).append(" line ").append(line).append('\n');
                }
                blobs[n % FILES] = inserter.insert(Constants.OBJ_BLOB, content.toString().getBytes(StandardCharsets.UTF_8));
                TreeFormatter tree = new TreeFormatter();
                for (int i = 0; i < FILES; i++) {
                    tree.append(String.format("f%02d.txt", i), FileMode.REGULAR_FILE, blobs[i]); // sorted names
                }
                PersonIdent ident = new PersonIdent(commit.name(), commit.email(), commit.committed(), ZoneOffset.UTC);
                CommitBuilder builder = new CommitBuilder();
                builder.setTreeId(inserter.insert(tree));
                if (parent != null) {
                    builder.setParentId(parent);
                }
                builder.setAuthor(ident);
                builder.setCommitter(ident);
                builder.setMessage("Change " + n + "\n");
                parent = inserter.insert(builder);
            }
            inserter.flush();
        }
        RefUpdate update = git.updateRef("refs/heads/" + RepoModel.BRANCH);
        update.setNewObjectId(parent);
        update.forceUpdate();
        RefUpdate head = git.updateRef(Constants.HEAD);
        head.link("refs/heads/" + RepoModel.BRANCH);
        return git;
    }
}
