package io.repovitals.publish;

import io.repovitals.github.GitHubClients;
import io.repovitals.github.IssueView;
import io.repovitals.github.RepositoryIssues;
import io.repovitals.github.TokenIdentity;
import io.repovitals.model.RepoRef;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Publishing target {@code issue} (contract.md "Publishing"): one issue per repository per ISO week,
 * found again by its {@link ReportMarker} and edited in place by a re-run in the same week, labelled
 * {@code repo-vitals} and {@code health-report}. With {@code close-previous}, opening a new week's
 * issue closes the previous week's with a comment linking the new one.
 *
 * <p>Cost, in requests: repository 1, the issue list 1 page (more only while it meets other weeks'
 * later reports), {@code GET /user} once per publisher and only when a candidate issue needs its
 * author checked; then an edit 1 (body only; 2 when the title changed) or labels 2 (+1 each created)
 * and the new issue 1, and closing the previous one 2 (comment, close).
 */
public final class IssuePublisher {
    public static final String TOOL_LABEL = "repo-vitals";
    public static final String REPORT_LABEL = "health-report";
    /** GitHub refuses longer issue bodies. */
    public static final int MAX_BODY_CHARS = 65_536;
    /** Issues a page: the newest report issue nearly always decides, and each body can be 64 KiB. */
    static final int PAGE_SIZE = 10;

    private final GitHubClients github;
    private final boolean closePrevious;
    private TokenIdentity identity;

    /** @param closePrevious {@code Settings.closePrevious()} (input {@code close-previous}) */
    public IssuePublisher(GitHubClients github, boolean closePrevious) {
        this.github = github;
        this.closePrevious = closePrevious;
    }

    /** {@code Repository health: owner/repo, week 2026-W47}: nothing in it comes from users but the name. */
    public static String title(RepoRef repo, Instant asOf) {
        return "Repository health: " + repo.fullName() + ", week " + ReportMarker.of(repo, asOf).weekLabel();
    }

    /** The longest report that fits an issue body beside the marker line; a longer one must be cut first. */
    public static int maxReportLength(RepoRef repo) {
        // The marker's length does not depend on the week: yyyy-Www is always 8 characters.
        return MAX_BODY_CHARS - ReportMarker.of(repo, Instant.EPOCH).line().length() - 1;
    }

    /**
     * Opens or edits this week's report issue of {@code repo} with {@code report} under the marker.
     *
     * @param report Markdown, at most {@link #maxReportLength(RepoRef)} characters (String.length(),
     *               never fewer than the characters GitHub counts)
     * @throws IllegalArgumentException for a report that does not fit or a blank title
     * @throws io.repovitals.github.GitHubException e.g. FORBIDDEN naming {@code issues: write}
     */
    public PublishedIssue publish(RepoRef repo, Instant asOf, String title, String report) {
        ReportMarker week = ReportMarker.of(repo, asOf);
        return publish(repo, new Target(week.line(), week.weekLabel(), maxReportLength(repo),
                body -> ReportMarker.parseFirstLine(body).filter(week::sameRepository)
                        .map(marker -> marker.sameWeek(week) ? 0 : marker.isBefore(week) ? -1 : 1)), title, report);
    }

    /** The longest organisation report that fits an issue body beside its marker line. */
    public static int maxOrganisationReportLength(OrgReportMarker marker) {
        return MAX_BODY_CHARS - marker.line().length() - 1;
    }

    /**
     * Opens or edits the week's organisation report issue ({@code merge}) in {@code repo}, found by its own
     * {@link OrgReportMarker}, with the same labels and rules as a repository's weekly report issue (and
     * closing the previous week's with {@code close-previous}); the repository's own report issues are left alone.
     *
     * @param report Markdown, at most {@link #maxOrganisationReportLength} characters
     */
    public PublishedIssue publishOrganisation(RepoRef repo, OrgReportMarker week, String report) {
        return publish(repo, new Target(week.line(), week.weekLabel(), maxOrganisationReportLength(week),
                body -> OrgReportMarker.parseFirstLine(body).filter(marker -> marker.scope().equals(week.scope()))
                        .map(marker -> Integer.signum(marker.compareWeek(week)))), week.title(), report);
    }

    /**
     * The issue a marker line stands for.
     *
     * @param weekOf an issue body to its marker's week compared with this one's (-1 earlier, 0 same, 1 later),
     *               empty when its first line is no marker of the same repository or scope
     */
    private record Target(String line, String weekLabel, int maxReportLength,
                          Function<String, Optional<Integer>> weekOf) {}

    private PublishedIssue publish(RepoRef repo, Target week, String title, String report) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("the issue title for " + repo + " is blank");
        }
        if (report.length() > week.maxReportLength()) {
            throw new IllegalArgumentException("the report for " + repo + " has " + report.length()
                    + " characters; an issue holds " + week.maxReportLength() + " beside the marker line:"
                    + " cut it to maxReportLength and link the full report");
        }
        String body = week.line() + "\n" + report;
        RepositoryIssues issues = new RepositoryIssues(github, repo);
        Scan scan = scan(issues, week);
        if (scan.current().isPresent()) {
            IssueView edited = issues.edit(scan.current().get(), title, body);
            return new PublishedIssue(edited.number(), edited.htmlUrl(), PublishedIssue.Action.UPDATED,
                    OptionalInt.empty());
        }
        issues.ensureLabel(TOOL_LABEL, "0e8a16", "Opened by repo-vitals");
        issues.ensureLabel(REPORT_LABEL, "1d76db", "Weekly repository health report (repo-vitals)");
        IssueView created = issues.create(title, body, List.of(TOOL_LABEL, REPORT_LABEL));
        OptionalInt closed = OptionalInt.empty();
        Optional<IssueView> previous = scan.previous().filter(IssueView::open);
        if (closePrevious && previous.isPresent()) {
            issues.closeWithComment(previous.get(), "Superseded by [#" + created.number() + "](" + created.htmlUrl()
                    + "), the report for week " + week.weekLabel() + ".");
            closed = OptionalInt.of(previous.get().number());
        }
        return new PublishedIssue(created.number(), created.htmlUrl(), PublishedIssue.Action.CREATED, closed);
    }

    /**
     * @param current  this week's report issue
     * @param previous the newest report issue of an earlier week, when no later week's was met
     *                 (a run with an old as-of closes nothing)
     */
    private record Scan(Optional<IssueView> current, Optional<IssueView> previous) {}

    /**
     * Newest first, our report issues are in week order, so the first one of an earlier week ends the
     * search: this week's was never opened. Later weeks' (a run with an older as-of) are passed over.
     */
    private Scan scan(RepositoryIssues issues, Target week) {
        boolean laterSeen = false;
        for (IssueView issue : issues.newestWithLabel(REPORT_LABEL, PAGE_SIZE)) {
            Optional<Integer> order = week.weekOf().apply(issue.body());
            if (order.isEmpty() || !isOurs(issue)) {
                continue;
            }
            if (order.get() == 0) {
                return new Scan(Optional.of(issue), Optional.empty());
            }
            if (order.get() < 0) {
                return new Scan(Optional.empty(), laterSeen ? Optional.empty() : Optional.of(issue));
            }
            laterSeen = true;
        }
        return new Scan(Optional.empty(), Optional.empty());
    }

    /** The rules in {@link ReportMarker}'s comment besides the marker line itself. */
    private boolean isOurs(IssueView issue) {
        return !issue.pullRequest()
                && issue.labels().stream().anyMatch(REPORT_LABEL::equalsIgnoreCase)
                && identity().couldHaveWritten(issue.authorLogin());
    }

    private synchronized TokenIdentity identity() {
        if (identity == null) {
            identity = RepositoryIssues.identity(github);
        }
        return identity;
    }
}
