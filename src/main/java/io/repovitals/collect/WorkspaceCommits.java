package io.repovitals.collect;

import io.repovitals.model.RepoRef;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Commits} read with JGit from the clone in {@code GITHUB_WORKSPACE}, with zero requests and
 * file paths included, when it is a clone of the repository holding the default branch's history
 * back to {@code since} (not shallow there). Git knows e-mails, not GitHub logins: an author is linked
 * to a login only through a GitHub no-reply address ({@code 123+KarlH@users.noreply.github.com}),
 * spelled as the address spells it (GitHub's spelling wins where the API also names the person).
 */
final class WorkspaceCommits {
    static final String SOURCE = "workspace clone";
    // The login keeps the case the address has (GitHub writes it as the login is spelled); the domain's case is free.
    private static final Pattern NOREPLY = Pattern.compile("(?:\\d+\\+)?([^@+]+)@(?i:users\\.noreply\\.github\\.com)");

    private WorkspaceCommits() {}

    /** Why the clone cannot serve the commits; the collector then asks the API and says why in {@link Commits#source()}. */
    static final class Unusable extends RuntimeException {
        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The commits, or Unusable with the reason the clone cannot serve them. */
    static Commits read(Path workspace, RepoRef repo, String defaultBranch, Instant since, Instant asOf) {
        if (!Files.isDirectory(workspace.resolve(".git"))) {
            throw new Unusable("the workspace holds no git clone");
        }
        try (Repository git = new FileRepositoryBuilder().setGitDir(workspace.resolve(".git").toFile())
                .setMustExist(true).build()) {
            String origin = git.getConfig().getString("remote", "origin", "url");
            if (origin == null || !isCloneOf(origin, repo)) {
                throw new Unusable("the workspace is not a clone of " + repo);
            }
            return walk(git, tip(git, defaultBranch), since, asOf, SOURCE,
                    "the workspace clone is shallow before " + since + " (use actions/checkout with fetch-depth: 0)");
        } catch (IOException e) {
            throw new Unusable("the workspace clone cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * The commits reachable from {@code tip} committed in [since, asOf], newest first, with their diffs:
     * the one computation of a clone's and a fetched history's commits.
     *
     * @throws Unusable with {@code shallowReason} when the history is cut (shallow) before reaching {@code since}
     */
    static Commits walk(Repository git, ObjectId tip, Instant since, Instant asOf, String source, String shallowReason)
            throws IOException {
        Set<ObjectId> shallow = shallowCommits(git);
        List<Commits.Commit> commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(git); DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(git);
            diff.setDiffComparator(RawTextComparator.DEFAULT);
            diff.setDetectRenames(true);
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(walk.parseCommit(tip));
            for (RevCommit commit : walk) {
                Instant committed = Instant.ofEpochSecond(commit.getCommitTime());
                // Newest first by committed date, as GitHub's history with since: the first older one ends it.
                if (committed.isBefore(since)) {
                    break;
                }
                if (shallow.contains(commit)) {
                    throw new Unusable(shallowReason);
                }
                if (!committed.isAfter(asOf)) {
                    commits.add(commit(commit, committed, diff));
                }
            }
        }
        return new Commits(since, asOf, source, Optional.empty(), commits);
    }

    static boolean isCloneOf(String url, RepoRef repo) {
        String path = url.toLowerCase(Locale.ROOT);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        String wanted = repo.fullName().toLowerCase(Locale.ROOT);
        return path.endsWith("/" + wanted) || path.endsWith(":" + wanted);
    }

    private static ObjectId tip(Repository git, String branch) throws IOException {
        for (String name : List.of("refs/remotes/origin/" + branch, "refs/heads/" + branch)) {
            Ref ref = git.exactRef(name);
            if (ref != null && ref.getObjectId() != null) {
                return ref.getObjectId();
            }
        }
        throw new Unusable("the workspace clone has no branch " + branch);
    }

    private static Set<ObjectId> shallowCommits(Repository git) throws IOException {
        Path file = git.getDirectory().toPath().resolve("shallow");
        Set<ObjectId> shallow = new HashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (ObjectId.isId(line.trim())) {
                    shallow.add(ObjectId.fromString(line.trim()));
                }
            }
        }
        return shallow;
    }

    private static Commits.Commit commit(RevCommit commit, Instant committed, DiffFormatter diff) throws IOException {
        PersonIdent author = commit.getAuthorIdent();
        String address = author.getEmailAddress() == null ? "" : author.getEmailAddress();
        String email = address.toLowerCase(Locale.ROOT);
        Matcher noreply = NOREPLY.matcher(address);
        String login = noreply.matches() ? noreply.group(1) : null;
        String message = commit.getFullMessage();
        int newline = message.indexOf('\n');
        String headline = (newline < 0 ? message : message.substring(0, newline)).strip();
        int additions = 0;
        int deletions = 0;
        Set<String> paths = new LinkedHashSet<>();
        // A merge commit is left out of every metric; its diff is not needed.
        if (commit.getParentCount() < 2) {
            List<DiffEntry> entries = diff.scan(commit.getParentCount() == 0 ? null : commit.getParent(0).getTree(),
                    commit.getTree());
            for (DiffEntry entry : entries) {
                // Renames are detected as GitHub does (a pure rename changes no line); the new path is the one changed.
                paths.add(entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath());
                for (Edit edit : diff.toFileHeader(entry).toEditList()) {
                    additions += edit.getLengthB();
                    deletions += edit.getLengthA();
                }
            }
        }
        return new Commits.Commit(commit.getName(), committed, login, email,
                CommitsCollector.isBot(login, author.getName(), email), commit.getParentCount(), headline,
                message.contains(CommitsCollector.REVERT_MARKER), additions, deletions, Optional.of(List.copyOf(paths)));
    }
}
