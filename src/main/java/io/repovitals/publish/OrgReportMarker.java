package io.repovitals.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hidden marker of a weekly organisation report issue (the {@code merge} command):
 * {@code <!-- repo-vitals:org-report:<scope>:<yyyy>-W<ww> -->}, where the scope is the organisation
 * (several: their logins joined by commas, in name order) or {@link #REPOSITORIES} for a list of
 * repositories, and the week is as in {@link ReportMarker}. Its own prefix keeps it apart from the
 * weekly report of the repository the issue is opened in: neither marker parses as the other. The
 * same rules as {@link ReportMarker}'s decide which issue is ours.
 *
 * @param scope lower-case logins joined by commas, or {@link #REPOSITORIES}
 */
public record OrgReportMarker(String scope, int weekBasedYear, int week) {
    /** The scope of a report on named repositories rather than organisations. */
    public static final String REPOSITORIES = "repositories";
    private static final String SCOPE = "[a-z0-9][a-z0-9-]{0,38}(?:,[a-z0-9][a-z0-9-]{0,38})*";
    private static final Pattern SCOPE_PATTERN = Pattern.compile(SCOPE);
    private static final Pattern LINE = Pattern.compile("<!-- repo-vitals:org-report:(" + SCOPE + "):(\\d{4})-W(\\d{2}) -->");

    public OrgReportMarker {
        if (scope == null || !SCOPE_PATTERN.matcher(scope).matches()) {
            throw new IllegalArgumentException("an organisation report's scope is lower-case logins joined by commas"
                    + " or '" + REPOSITORIES + "', not '" + scope + "'");
        }
        ReportMarker.checkWeek(weekBasedYear, week);
    }

    /** The scope of organisations {@code logins}, or {@link #REPOSITORIES} when there are none. */
    public static String scopeOf(Collection<String> logins) {
        return logins.isEmpty() ? REPOSITORIES : logins.stream().map(login -> login.toLowerCase(Locale.ROOT))
                .distinct().sorted().collect(Collectors.joining(","));
    }

    /** The marker of the ISO week (UTC) that {@code asOf} falls in. */
    public static OrgReportMarker of(String scope, Instant asOf) {
        LocalDate day = asOf.atOffset(ZoneOffset.UTC).toLocalDate();
        return new OrgReportMarker(scope, day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The marker that makes up the whole first line of {@code body} (a trailing {@code \r} allowed); empty otherwise. */
    public static Optional<OrgReportMarker> parseFirstLine(String body) {
        Matcher matcher = LINE.matcher(ReportMarker.firstLine(body));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OrgReportMarker(matcher.group(1), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a week that does not exist: not a marker we wrote
        }
    }

    /** {@code 2026-W47}. */
    public String weekLabel() {
        return String.format("%04d-W%02d", weekBasedYear, week);
    }

    public String line() {
        return "<!-- repo-vitals:org-report:" + scope + ":" + weekLabel() + " -->";
    }

    /** {@code Organisation health: my-org, week 2026-W48}; logins and a fixed word only, nothing users wrote. */
    public String title() {
        return (scope.equals(REPOSITORIES) ? "Health of the repositories" : "Organisation health: " + scope)
                + ", week " + weekLabel();
    }

    /** Negative when this marker's week is before {@code other}'s, zero for the same week, positive after. */
    int compareWeek(OrgReportMarker other) {
        return weekBasedYear != other.weekBasedYear ? Integer.compare(weekBasedYear, other.weekBasedYear)
                : Integer.compare(week, other.week);
    }
}
