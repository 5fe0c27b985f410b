package io.repovitals.publish;

import io.repovitals.model.RepoRef;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden marker of a weekly report issue (contract.md "Publishing"):
 * {@code <!-- repo-vitals:report:<owner>/<repo>:<yyyy>-W<ww> -->}, where the week is the ISO week of
 * {@code asOf} in UTC and {@code yyyy} its week-based year (2027-01-01 is in 2026-W53).
 *
 * <p>Which issue is ours: the marker alone proves nothing, anyone can type it. An issue is a report
 * issue of this program only when all of these hold, and {@link IssuePublisher} edits or closes no
 * other:
 * <ol>
 *   <li>the marker is the body's whole first line ({@link #parseFirstLine}); quoting it further down,
 *       or in a comment, does not count;</li>
 *   <li>the issue carries the label {@code health-report}: labelling needs triage access, which the
 *       author of an issue does not get by opening it;</li>
 *   <li>it is an issue, not a pull request;</li>
 *   <li>its author is who the token acts as: the same login for a personal token ({@code GET /user}),
 *       or a bot ({@code [bot]} login) for an installation token such as the Actions
 *       {@code GITHUB_TOKEN}, which cannot call {@code GET /user} (see {@code TokenIdentity}).</li>
 * </ol>
 * A report issue opened under another identity (say, before switching from a personal token to
 * GITHUB_TOKEN) is thus left alone, and that week gets a new one.
 */
public record ReportMarker(RepoRef repo, int weekBasedYear, int week) {
    private static final Pattern LINE = Pattern.compile(
            "<!-- repo-vitals:report:([^/\\s:]+)/([^/\\s:]+):(\\d{4})-W(\\d{2}) -->");
    private static final Comparator<ReportMarker> ORDER =
            Comparator.comparingInt(ReportMarker::weekBasedYear).thenComparingInt(ReportMarker::week);

    public ReportMarker {
        checkWeek(weekBasedYear, week);
    }

    /** Also {@link OrgReportMarker}'s check. */
    static void checkWeek(int weekBasedYear, int week) {
        if (week < 1 || week > weeksIn(weekBasedYear)) {
            throw new IllegalArgumentException("week " + week + " of " + weekBasedYear + " does not exist: "
                    + weekBasedYear + " has " + weeksIn(weekBasedYear) + " ISO weeks");
        }
    }

    /** The body's first line without a trailing {@code \r}; empty for a null body. */
    static String firstLine(String body) {
        if (body == null) {
            return "";
        }
        int end = body.indexOf('\n');
        String first = end < 0 ? body : body.substring(0, end);
        return first.endsWith("\r") ? first.substring(0, first.length() - 1) : first;
    }

    /** The marker of the ISO week (UTC) that {@code asOf} falls in. */
    public static ReportMarker of(RepoRef repo, Instant asOf) {
        LocalDate day = asOf.atOffset(ZoneOffset.UTC).toLocalDate();
        return new ReportMarker(repo, day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * The marker that makes up the whole first line of {@code body} (a trailing {@code \r} allowed:
     * bodies edited on github.com come back with CRLF); empty for anything else.
     */
    public static Optional<ReportMarker> parseFirstLine(String body) {
        Matcher matcher = LINE.matcher(firstLine(body));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReportMarker(new RepoRef(matcher.group(1), matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a bad owner, name or week: not a marker we wrote
        }
    }

    /** {@code 2026-W47}. */
    public String weekLabel() {
        return String.format("%04d-W%02d", weekBasedYear, week);
    }

    public String line() {
        return "<!-- repo-vitals:report:" + repo.fullName() + ":" + weekLabel() + " -->";
    }

    /** Same repository (GitHub names ignore case); the week may differ. */
    public boolean sameRepository(ReportMarker other) {
        return repo.fullName().equalsIgnoreCase(other.repo.fullName());
    }

    /** Same week, whatever the repository. */
    public boolean sameWeek(ReportMarker other) {
        return ORDER.compare(this, other) == 0;
    }

    /** An earlier week, whatever the repository. */
    public boolean isBefore(ReportMarker other) {
        return ORDER.compare(this, other) < 0;
    }

    private static int weeksIn(int weekBasedYear) {
        // December 28 always lies in the last ISO week of its year.
        return LocalDate.of(weekBasedYear, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
