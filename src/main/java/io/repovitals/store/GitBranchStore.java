package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;
import io.repovitals.runtime.Log;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.util.FS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The history kept in a branch of a git remote (contract.md "The history branch"), with JGit
 * alone: the branch is fetched into an {@link InMemoryRepository} (no working tree, no
 * {@code git} binary, nothing written next to the user's checkout), this run's files become one
 * commit on its tip, and the push names the tip it was built on. When another run pushed first,
 * the push is refused, and the same files are applied again on the new tip and pushed again.
 *
 * <p>Commits are made as {@link #NAME} &lt;{@link #EMAIL}&gt;, author and committer, so that the
 * history branch is recognisable and never carries the identity of whoever triggered the run.
 *
 * <p>One instance serves one run: it fetches once, and {@link #load} after {@link #save} reads
 * what was just pushed without fetching again.
 */
public final class GitBranchStore implements HistoryStore {
    public static final String NAME = "repo-vitals";
    public static final String EMAIL = "repo-vitals@users.noreply.github.com";
    static final int TIMEOUT_SECONDS = 60;

    private final HistoryRemote remote;
    private final String branch;
    private final String ref;
    private final Log log;
    private final Clock clock;
    private final Retry retry;
    private Repository repository;
    /** Shared by every load of this repository (see {@link #reader()}); null until the first one. */
    private ObjectReader reader;
    private boolean fetched;
    private ObjectId tip;

    /** @param clock stamps the commits: the program's clock; tests pass a fixed one */
    public GitBranchStore(HistoryRemote remote, String branch, Log log, Clock clock, Retry retry) {
        this.remote = Objects.requireNonNull(remote, "remote");
        this.ref = Constants.R_HEADS + Objects.requireNonNull(branch, "branch");
        if (!Repository.isValidRefName(ref)) {
            throw new IllegalArgumentException("'" + branch + "' is not a valid branch name");
        }
        this.branch = branch;
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.repository = newRepository();
    }

    /** The FS is only used to resolve local remotes; the repository itself never touches the disk. */
    private static Repository newRepository() {
        try {
            return new InMemoryRepository.Builder()
                    .setRepositoryDescription(new DfsRepositoryDescription("history"))
                    .setFS(FS.DETECTED)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public History load(RepoRef repo) {
        return load(repo, null);
    }

    @Override
    public synchronized History load(RepoRef repo, LocalDate since) {
        Objects.requireNonNull(repo, "repo");
        if (!fetched) {
            tip = fetch(true);
        }
        if (tip == null) {
            return History.empty(repo);
        }
        try (RevWalk walk = new RevWalk(reader())) {
            History history = HistoryReader.read(reader(), walk.parseCommit(tip).getTree(), repo, since);
            for (UnreadableFile file : history.unreadable()) {
                log.warning("history: skipped " + file.path() + ": " + file.reason());
            }
            return history;
        } catch (IOException e) {
            throw new HistoryException(HistoryException.Kind.FAILED,
                    "history: cannot read branch '" + branch + "': " + RemoteFailures.oneLine(e.getMessage()), e);
        }
    }

    @Override
    public synchronized List<RepoRef> repositories() {
        if (!fetched) {
            tip = fetch(true);
        }
        if (tip == null) {
            return List.of();
        }
        try (RevWalk walk = new RevWalk(reader())) {
            return HistoryReader.repositories(reader(), walk.parseCommit(tip).getTree());
        } catch (IOException e) {
            throw new HistoryException(HistoryException.Kind.FAILED,
                    "history: cannot read branch '" + branch + "': " + RemoteFailures.oneLine(e.getMessage()), e);
        }
    }

    @Override
    public synchronized SaveResult save(List<Snapshot> snapshots, List<Chart> charts, String runId) {
        TreeUpdate.Files files = TreeUpdate.Files.of(snapshots, charts);
        return publish(base -> {
            TreeUpdate.Result update = build(() -> TreeUpdate.apply(repository, base, files, identity(), runId));
            return new Step(update.commit(), update.written(), update.kept(), update.written().size() + " files");
        }, "already holds this run's files", "applying this run's files on the new tip");
    }

    @Override
    public synchronized SaveResult fold(int retentionDays, Instant asOf, String runId) {
        if (retentionDays < 0) {
            throw new IllegalArgumentException("retentionDays must not be negative: " + retentionDays);
        }
        LocalDate cutoff = LocalDate.ofInstant(Objects.requireNonNull(asOf, "asOf"), ZoneOffset.UTC)
                .minusDays(retentionDays);
        return publish(base -> {
            Fold.Result fold = build(() -> Fold.apply(repository, base, cutoff, identity(), runId));
            return new Step(fold.commit(), fold.written(), fold.kept(), fold.folded().size()
                    + " daily files older than " + cutoff + " folded into " + fold.written().size() + " weekly files");
        }, "has no readable daily file older than " + cutoff + " to fold", "folding again on the new tip");
    }

    /** One commit built on a base tip: null commit when there is nothing to change; {@code pushed} says what for the log. */
    private record Step(ObjectId commit, List<String> written, List<UnreadableFile> kept, String pushed) {}

    /**
     * Builds a commit on the fetched tip and pushes it naming that tip; when another run pushed
     * first, fetches again and builds again on the new tip, up to {@link Retry#attempts()}.
     */
    private SaveResult publish(java.util.function.Function<ObjectId, Step> build, String nothing, String retrying) {
        for (int attempt = 1; ; attempt++) {
            ObjectId base = fetch(false);
            Step step = build.apply(base);
            dropReader(); // the build added objects: the next load starts from a reader that sees them
            for (UnreadableFile file : step.kept()) {
                log.warning("history: kept " + file.path() + ": " + file.reason());
            }
            if (step.commit() == null) {
                tip = base;
                log.info("history: branch '" + branch + "' " + nothing);
                return new SaveResult(base == null ? "" : base.name(), false, attempt, List.of(), step.kept());
            }
            String refused = BranchPush.push(remote, branch, repository, step.commit(), base, TIMEOUT_SECONDS);
            if (refused == null) {
                tip = step.commit();
                log.info("history: pushed " + step.pushed() + " to '" + branch + "' as "
                        + tip.abbreviate(7).name() + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
                return new SaveResult(tip.name(), true, attempt, step.written(), step.kept());
            }
            if (attempt >= retry.attempts()) {
                throw new HistoryException(HistoryException.Kind.CONTENDED, "history: gave up pushing to branch '"
                        + branch + "' at " + remote + " after " + attempt + " attempts: other runs kept pushing first", null);
            }
            java.time.Duration wait = retry.delayAfter(attempt);
            log.info("history: " + refused + "; " + retrying + " in "
                    + wait.toMillis() + " ms (attempt " + (attempt + 1) + "/" + retry.attempts() + ")");
            sleep(wait);
        }
    }

    /**
     * One reader for every load until the repository changes. Consecutive days' files are stored
     * as deltas of one another, and git's packer also pairs same-named files of different
     * repositories ({@code 2025-03-01.json}), so a load walks delta chains through other
     * repositories' files. A reader per load lost its delta-base cache each time: 20 loads read
     * their blobs in 1.4 s with a reader each, 0.48 s with one shared (bench/README.md).
     */
    private ObjectReader reader() {
        if (reader == null) {
            reader = repository.newObjectReader();
        }
        return reader;
    }

    private void dropReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /** The run's in-memory repository, for tests that look into it. */
    Repository repository() {
        return repository;
    }

    private PersonIdent identity() {
        return new PersonIdent(NAME, EMAIL, clock.instant(), ZoneOffset.UTC);
    }

    private interface Builder<T> {
        T build() throws IOException;
    }

    private <T> T build(Builder<T> builder) {
        try {
            return builder.build();
        } catch (IOException e) {
            throw new HistoryException(HistoryException.Kind.FAILED,
                    "history: cannot build the commit for branch '" + branch + "': " + RemoteFailures.oneLine(e.getMessage()), e);
        }
    }

    /**
     * The remote branch's tip after fetching it, or null when the branch does not exist yet. Only
     * this one branch is fetched, and every fetch goes into a fresh repository, so that a run can
     * fetch again after a refused push whatever the previous fetch left.
     *
     * <p>{@code shallow}: only the tip (depth 1), for reading: the tip's tree is all that loading
     * reads, and the branch's history grows by one commit a day. Saving fetches the whole history:
     * pushing a commit built on a depth-1 tip from an InMemoryRepository did not work with JGit
     * 7.8.1 (the fast-forward check needs the tip's parents, and a forced push guarded by the old id
     * hung waiting for the pack), and a second depth-1 fetch into the same InMemoryRepository fails
     * with "Missing commit" (it offers the tip as a "have" and walks past the shallow boundary).
     */
    private ObjectId fetch(boolean shallow) {
        Repository fresh = newRepository();
        try (Transport transport = remote.open(fresh, TIMEOUT_SECONDS)) {
            Ref advertised;
            try (FetchConnection connection = transport.openFetch()) {
                advertised = connection.getRef(ref);
            }
            fetched = true;
            dropReader();
            repository = fresh;
            if (advertised == null) {
                return null;
            }
            String tracking = Constants.R_REMOTES + "origin/" + branch;
            if (shallow) {
                transport.setDepth(1);
            }
            transport.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+" + ref + ":" + tracking)));
            Ref fetchedRef = fresh.exactRef(tracking);
            if (fetchedRef == null || !fetchedRef.getObjectId().equals(advertised.getObjectId())) {
                // The branch moved between listing and fetching: take what was fetched, the push checks it anyway.
                return fetchedRef == null ? advertised.getObjectId() : fetchedRef.getObjectId();
            }
            return fetchedRef.getObjectId();
        } catch (IOException e) {
            throw RemoteFailures.of(remote, branch, "fetch", e);
        }
    }

    private void sleep(java.time.Duration wait) {
        try {
            retry.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryException(HistoryException.Kind.CONTENDED,
                    "history: interrupted while waiting to push to branch '" + branch + "' again", null);
        }
    }
}
