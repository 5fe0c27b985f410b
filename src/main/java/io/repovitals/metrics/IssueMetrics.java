package io.repovitals.metrics;

import io.repovitals.collect.Account;

import io.repovitals.collect.Comment;
import io.repovitals.collect.Datasets;
import io.repovitals.collect.Issues;
import io.repovitals.collect.Issues.Issue;
import io.repovitals.model.MetricDef;
import io.repovitals.model.MetricDef.Unit;
import io.repovitals.model.Outcome;
import io.repovitals.model.Snapshot;
import io.repovitals.model.Window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * metrics.md §issues.*: issues (never pull requests), bot-authored ones (and {@code ignore-users})
 * left out. A response is a comment by someone neither the issue's author nor a bot. Pure.
 */
public final class IssueMetrics implements MetricFamily {
    public static final int DEFAULT_STALE_DAYS = 30;

    static final String TITLE = "issues.* — issues, pull requests not included (bot-authored ones left out)";
    static final String ABOUT = "A **response** is a comment on the issue by an account that is neither the issue's"
            + " author nor a bot.";
    private static final String UNFETCHED = "the issues could not be fetched, or were fetched for a span that does"
            + " not cover the window";
    private static final String LEFT_OUT = "pull requests; issues by bots and `ignore-users`";
    private static final String NONE_OPEN = UNFETCHED + "; or no issue was open at asOf";

    public static final MetricDef OPENED = MetricDef.count("issues.opened", "issues opened")
            .withDefinition("issues with `createdAt` in window").withExcluded(LEFT_OUT).withMissingWhen(UNFETCHED);
    public static final MetricDef CLOSED = MetricDef.count("issues.closed", "issues closed")
            .withDefinition("issues with `closedAt` in window").withExcluded(LEFT_OUT).withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.HIGHER);
    public static final MetricDef FIRST_RESPONSE_P50 = firstResponse("p50", "median time to first response");
    public static final MetricDef FIRST_RESPONSE_P90 = firstResponse("p90", "p90 time to first response");
    public static final MetricDef TIME_TO_CLOSE_P50 = new MetricDef("issues.time_to_close_hours.p50", Unit.HOURS, "median time to close")
            .withDefinition(Stats.words("p50") + " of `closedAt - createdAt` over issues closed in window")
            .withExcluded(LEFT_OUT).withMissingWhen(UNFETCHED + "; or no issue was closed in the window")
            .withBetter(MetricDef.Better.LOWER);
    public static final MetricDef OPEN_AGE_MEAN = openAge("mean", "mean age of open issues");
    public static final MetricDef OPEN_AGE_P50 = openAge("p50", "median age of open issues");
    public static final MetricDef AWAITING_FIRST_RESPONSE = MetricDef.count("issues.awaiting_first_response", "open issues awaiting a response")
            .withDefinition("issues open at asOf with no response").withExcluded(LEFT_OUT).withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.LOWER);
    public static final MetricDef STALE = MetricDef.count("issues.stale", "stale open issues").withLabel("stale issues")
            .withDefinition("issues open at asOf whose `updatedAt` (last activity) is strictly before"
                    + " `asOf - stale-days` (default " + DEFAULT_STALE_DAYS + ")")
            .withExcluded(LEFT_OUT).withMissingWhen(UNFETCHED)
            .withBetter(MetricDef.Better.LOWER);

    public static final List<MetricDef> DEFS = List.of(OPENED, CLOSED, FIRST_RESPONSE_P50, FIRST_RESPONSE_P90,
            TIME_TO_CLOSE_P50, OPEN_AGE_MEAN, OPEN_AGE_P50, AWAITING_FIRST_RESPONSE, STALE);

    private final Set<String> ignoreUsers;
    private final int staleDays;

    public IssueMetrics() {
        this(Set.of(), DEFAULT_STALE_DAYS);
    }

    /**
     * @param ignoreUsers logins of {@code ignore-users}, treated as bots
     * @param staleDays   the {@code stale-days} setting: an open issue without activity for longer is stale
     */
    public IssueMetrics(Set<String> ignoreUsers, int staleDays) {
        if (staleDays < 1) {
            throw new IllegalArgumentException("stale days must be at least 1");
        }
        this.ignoreUsers = Account.ignoreList(ignoreUsers);
        this.staleDays = staleDays;
    }

    private static MetricDef firstResponse(String statistic, String summary) {
        return new MetricDef("issues.time_to_first_response_hours." + statistic, Unit.HOURS, summary)
                .withLabel(Stats.label(statistic, "time to first response"))
                .withDefinition(Stats.words(statistic) + " of `firstResponse.createdAt - createdAt` over issues whose"
                        + " first response is in window")
                .withExcluded(LEFT_OUT).withMissingWhen(UNFETCHED + "; or no issue had its first response in the window")
                .withBetter(MetricDef.Better.LOWER);
    }

    private static MetricDef openAge(String statistic, String summary) {
        return new MetricDef("issues.open_age_days." + statistic, Unit.DAYS, summary)
                .withLabel(Stats.label(statistic, "age of open issues"))
                .withDefinition(Stats.words(statistic) + " of `asOf - createdAt`, in days, over issues open at asOf")
                .withExcluded(LEFT_OUT).withMissingWhen(NONE_OPEN)
                .withBetter(MetricDef.Better.LOWER);
    }

    @Override
    public List<MetricDef> defs() {
        return DEFS;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String about() {
        return ABOUT;
    }

    @Override
    public List<Outcome> compute(Datasets data, Window window, List<Snapshot> earlier) {
        return from(data, Issues.class, window, issues -> compute(issues.items().stream()
                .filter(issue -> !issue.author().botOrIgnored(ignoreUsers)).toList(), window));
    }

    private List<Outcome> compute(List<Issue> issues, Window window) {
        Instant asOf = window.asOf();
        Instant staleBefore = asOf.minus(Duration.ofDays(staleDays));
        List<Double> firstResponse = new ArrayList<>();
        List<Double> timeToClose = new ArrayList<>();
        List<Double> openAges = new ArrayList<>();
        long opened = 0;
        long closed = 0;
        long awaiting = 0;
        long stale = 0;
        for (Issue issue : issues) {
            Optional<Instant> response = firstResponse(issue);
            if (window.contains(issue.createdAt())) {
                opened++;
            }
            if (window.contains(issue.closedAt())) {
                closed++;
                timeToClose.add(Stats.hours(issue.createdAt(), issue.closedAt()));
            }
            response.filter(window::contains).ifPresent(at -> firstResponse.add(Stats.hours(issue.createdAt(), at)));
            if (issue.openAt(asOf)) {
                openAges.add(Stats.days(issue.createdAt(), asOf));
                if (response.isEmpty() || response.get().isAfter(asOf)) {
                    awaiting++;
                }
                if (issue.lastActivityAt(asOf).isBefore(staleBefore)) {
                    stale++;
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(Outcome.value(OPENED, opened));
        outcomes.add(Outcome.value(CLOSED, closed));
        String noResponse = "no issue had its first response in the window";
        outcomes.add(Stats.percentile(FIRST_RESPONSE_P50, firstResponse, 50, noResponse));
        outcomes.add(Stats.percentile(FIRST_RESPONSE_P90, firstResponse, 90, noResponse));
        outcomes.add(Stats.percentile(TIME_TO_CLOSE_P50, timeToClose, 50, "no issue was closed in the window"));
        String noneOpen = "no issue was open at asOf";
        outcomes.add(Stats.mean(OPEN_AGE_MEAN, openAges, noneOpen));
        outcomes.add(Stats.percentile(OPEN_AGE_P50, openAges, 50, noneOpen));
        outcomes.add(Outcome.value(AWAITING_FIRST_RESPONSE, awaiting));
        outcomes.add(Outcome.value(STALE, stale));
        return outcomes;
    }

    /** The first comment by an account that is neither the issue's author nor a bot. */
    private Optional<Instant> firstResponse(Issue issue) {
        return issue.comments().stream()
                .filter(comment -> !comment.author().botOrIgnored(ignoreUsers) && !comment.author().sameAs(issue.author()))
                .map(Comment::createdAt)
                .min(Instant::compareTo);
    }
}
