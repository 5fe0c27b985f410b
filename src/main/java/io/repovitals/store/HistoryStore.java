package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;

import java.time.LocalDate;
import java.util.List;

/**
 * Where snapshots are kept between runs (contract.md "The history branch"). Writing never loses a
 * file that is already stored, and reading never changes anything.
 */
public interface HistoryStore {

    /** Every stored snapshot of {@code repo}, in date order; unreadable files are listed, not thrown. */
    History load(RepoRef repo);

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
}
