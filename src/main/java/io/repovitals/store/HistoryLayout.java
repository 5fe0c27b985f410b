package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** File paths of the history branch (contract.md "The history branch"). */
final class HistoryLayout {
    static final String SNAPSHOTS = "snapshots/";
    static final String CHARTS = "charts/";
    private static final Pattern SNAPSHOT_FILE = Pattern.compile("(\\d{4})/(\\d{4}-\\d{2}-\\d{2})\\.json");

    private HistoryLayout() {}

    /** {@code snapshots/<owner>/<repo>/} */
    static String snapshotDir(RepoRef repo) {
        return SNAPSHOTS + repo.owner() + "/" + repo.name() + "/";
    }

    /** {@code snapshots/<owner>/<repo>/<yyyy>/<yyyy-mm-dd>.json}, the UTC day of asOf. */
    static String snapshotPath(Snapshot snapshot) {
        LocalDate day = History.day(snapshot);
        return snapshotDir(RepoRef.parse(snapshot.repository())) + day.getYear() + "/" + day + ".json";
    }

    static String chartPath(Chart chart) {
        return CHARTS + chart.repo().owner() + "/" + chart.repo().name() + "/" + chart.day() + "/" + chart.name() + ".png";
    }

    /**
     * The day a snapshot file is named after, from its path relative to {@link #snapshotDir}; empty
     * when the name does not follow the layout (the year folder must match the date).
     */
    static Optional<LocalDate> dayOf(String relativePath) {
        Matcher matcher = SNAPSHOT_FILE.matcher(relativePath);
        if (!matcher.matches() || !matcher.group(2).startsWith(matcher.group(1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(matcher.group(2)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
