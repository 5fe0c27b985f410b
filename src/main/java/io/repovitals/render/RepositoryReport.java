package io.repovitals.render;

import io.repovitals.analyze.Analysis;
import io.repovitals.model.Snapshot;

import java.util.List;
import java.util.Objects;

/**
 * What the weekly report of one repository is rendered from.
 *
 * @param history        the repository's snapshots in date order; the last is this run's (analysis.asOf)
 * @param waitingPrs     PRs waiting for a first review, longest first; null when rendered from history alone
 * @param charts         charts to show; empty for no charts section
 * @param fullReportUrl  where the complete report lives, linked when a shortened copy cuts rows; may be null
 */
public record RepositoryReport(Analysis analysis, List<Snapshot> history, List<WaitingPr> waitingPrs,
                               List<ChartView> charts, String fullReportUrl) {
    public RepositoryReport {
        Objects.requireNonNull(analysis, "analysis");
        history = List.copyOf(history);
        waitingPrs = waitingPrs == null ? null : List.copyOf(waitingPrs);
        charts = List.copyOf(charts);
        if (history.isEmpty()) {
            throw new IllegalArgumentException(analysis.repository() + ": a report needs at least one snapshot");
        }
    }

    public Snapshot latest() {
        return history.get(history.size() - 1);
    }
}
