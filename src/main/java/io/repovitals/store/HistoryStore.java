package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where snapshots are kept between runs (contract.md "The history branch"). Writing never loses a
 * file that is already stored, and reading never changes anything.
 */
public interface HistoryStore {

    /** Every stored snapshot of {@code repo}, in date order; unreadable files are listed, not thrown. */
    History load(RepoRef repo);

    /**
     * The repositories that have a folder {@code snapshots/<owner>/<repo>/} in the history, in name
     * order (what {@code export} covers when no repository is named); empty when there is no history yet.
     */
    List<RepoRef> repositories();

    /** As {@link #load(RepoRef)}, only the days on or after {@code since} (e.g. asOf minus N days). */
    History load(RepoRef repo, LocalDate since);

    /**
     * Stores this run's snapshots (one file per repository and UTC day; a same-day file is replaced)
     * and chart images as one commit.
     *
     * @param runId identifies the run in the commit message (e.g. GITHUB_RUN_ID), may be blank
     * @throws HistoryException when the history could not be stored; the stored history is then unchanged
     */
    SaveResult save(List<Snapshot> snapshots, List<Chart> charts, String runId);

    /**
     * Retention (history-retention-days): folds every repository's daily snapshot files named after
     * a UTC day more than {@code retentionDays} days before {@code asOf}'s day into weekly files
     * ({@code snapshots/<owner>/<repo>/<yyyy>/<yyyy>-W<ww>.json}), as one commit of its own. Every
     * point is kept ({@link #load} reads weekly files back into their days); a file that cannot be
     * read is never folded, it is kept and reported. No commit when nothing is old enough.
     *
     * @param runId identifies the run in the commit message, may be blank
     * @throws HistoryException when the fold could not be stored; the stored history is then unchanged
     */
    SaveResult fold(int retentionDays, Instant asOf, String runId);
}
