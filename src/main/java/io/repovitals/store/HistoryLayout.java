package io.repovitals.store;

import io.repovitals.model.RepoRef;
import io.repovitals.model.Snapshot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** File paths of the history branch (contract.md "The history branch"). */
final class HistoryLayout {
    static final String SNAPSHOTS = "snapshots/";
    static final String CHARTS = "charts/";
    private static final Pattern SNAPSHOT_FILE = Pattern.compile("(\\d{4})/(\\d{4}-\\d{2}-\\d{2})\\.json");
    private static final Pattern WEEKLY_FILE = Pattern.compile("(\\d{4})/(\\d{4})-W(\\d{2})\\.json");

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

    /** {@code charts/<owner>/<repo>/<yyyy-mm-dd>/<name>.<png|svg>} */
    static String chartPath(Chart chart) {
        return CHARTS + chart.repo().owner() + "/" + chart.repo().name() + "/" + chart.day() + "/" + chart.name()
                + "." + chart.format().extension();
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

    /**
     * {@code <yyyy>/<yyyy>-W<ww>.json} relative to {@link #snapshotDir}: the ISO week of {@code day}
     * (week-based year, so the last days of December can belong to week 1 of the next year).
     */
    static String weeklyFile(LocalDate day) {
        int year = day.get(IsoFields.WEEK_BASED_YEAR);
        int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return String.format(java.util.Locale.ROOT, "%04d/%04d-W%02d.json", year, year, week);
    }

    /** The Monday of the ISO week of {@code day}. */
    static LocalDate monday(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    /**
     * The Monday of the ISO week a weekly file is named after, from its path relative to
     * {@link #snapshotDir}; empty when the name is not a weekly file's (the year folder must match).
     */
    static Optional<LocalDate> weekOf(String relativePath) {
        Matcher matcher = WEEKLY_FILE.matcher(relativePath);
        if (!matcher.matches() || !matcher.group(1).equals(matcher.group(2))) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(2));
        int week = Integer.parseInt(matcher.group(3));
        LocalDate jan4 = LocalDate.of(year, 1, 4); // always in week 1 of its week-based year
        if (!IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(jan4).isValidIntValue(week)) {
            return Optional.empty();
        }
        return Optional.of(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY));
    }
}
